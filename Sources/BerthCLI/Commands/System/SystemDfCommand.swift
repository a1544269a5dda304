import ArgumentParser
import OCI

/// `berth system df`: disk used by images, containers, volumes and build cache.
struct SystemDfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "system-df", abstract: "Show docker disk usage", shouldDisplay: false)

    @Flag(name: [.customShort("v"), .long], help: "Show detailed information on space usage") var verbose = false
    @Option(name: .long, help: "Format output using a custom template") var format: String = ""

    static let headers = ["Type": "TYPE", "TotalCount": "TOTAL", "Active": "ACTIVE", "Size": "SIZE", "Reclaimable": "RECLAIMABLE"]

    func run() throws {
        let client = APIClient()
        let usage = try client.json("GET", "/system/df")
        let images = usage["Images"]?.arrayValue ?? []
        let containers = usage["Containers"]?.arrayValue ?? []
        let volumes = usage["Volumes"]?.arrayValue ?? []
        let cache = usage["BuildCache"]?.arrayValue ?? []
        func number(_ value: JSONValue?) -> Double { value?.doubleValue ?? 0 }
        let imageSize = number(usage["LayersSize"])
        let activeImages = images.filter { number($0["Containers"]) > 0 }
        var imageReclaimable = imageSize
        for image in activeImages { imageReclaimable -= number(image["Size"]) - max(0, number(image["SharedSize"])) }
        let containerSize = containers.reduce(0) { $0 + number($1["SizeRw"]) }
        let activeContainers = containers.filter { $0["State"]?.stringValue == "running" }
        let containerReclaimable = containers.filter { $0["State"]?.stringValue != "running" }.reduce(0) { $0 + number($1["SizeRw"]) }
        let volumeSize = volumes.reduce(0) { $0 + max(0, number($1["UsageData"]?["Size"])) }
        let activeVolumes = volumes.filter { number($0["UsageData"]?["RefCount"]) > 0 }
        let volumeReclaimable = volumes.filter { number($0["UsageData"]?["RefCount"]) == 0 }.reduce(0) { $0 + max(0, number($1["UsageData"]?["Size"])) }
        let cacheSize = cache.reduce(0) { $0 + number($1["Size"]) }
        func reclaim(_ value: Double, of total: Double, percent: Bool = true) -> String {
            let text = Units.humanSize(value, precision: 4)
            guard percent, total > 0 else { return text }
            return text + " (\(Int(value * 100 / total))%)"
        }
        func row(_ type: String, _ total: Int, _ active: Int, _ size: Double, _ reclaimable: String) -> JSONValue {
            .object([("Active", .string(String(active))), ("Reclaimable", .string(reclaimable)), ("Size", .string(Units.humanSize(size, precision: 4))),
                     ("TotalCount", .string(String(total))), ("Type", .string(type))])
        }
        let rows = [
            row("Images", images.count, activeImages.count, imageSize, reclaim(max(0, imageReclaimable), of: imageSize)),
            row("Containers", containers.count, activeContainers.count, containerSize, reclaim(containerReclaimable, of: containerSize)),
            row("Local Volumes", volumes.count, activeVolumes.count, volumeSize, reclaim(volumeReclaimable, of: volumeSize)),
            row("Build Cache", cache.count, 0, cacheSize, reclaim(cacheSize, of: cacheSize, percent: false)),
        ]
        let table = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}"
        if !verbose {
            Output.out(try ListFormatter(defaultTable: table, headers: Self.headers).render(format: format, rows: rows))
            return
        }
        var text = "Images space usage:\n\n"
        let now = TimeFormat.now()
        var imageText = "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n"
        for image in images {
            for row in ImageRow.make(image, truncate: true, now: now) {
                let fields = ["Repository", "Tag", "ID", "CreatedSince", "Size"]
                imageText += fields.map { row[$0]?.stringValue ?? "" }.joined(separator: "\t")
                let size = number(image["Size"]), shared = number(image["SharedSize"])
                imageText += "\t" + (shared < 0 ? "N/A" : Units.humanSize(shared, precision: 4))
                imageText += "\t" + (shared < 0 ? "N/A" : Units.humanSize(size - shared, precision: 4))
                imageText += "\t" + (row["Containers"]?.stringValue ?? "") + "\n"
            }
        }
        text += TableWriter().format(imageText) + "\nContainers space usage:\n\n"
        var containerText = "CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n"
        for container in containers {
            let row = ContainerRow.make(container, truncate: true, now: now)
            let fields = ["ID", "Image", "Command", "LocalVolumes"]
            containerText += fields.map { row[$0]?.stringValue ?? "" }.joined(separator: "\t")
            containerText += "\t" + Units.humanSize(number(container["SizeRw"])) + "\t"
            containerText += ["RunningFor", "Status", "Names"].map { row[$0]?.stringValue ?? "" }.joined(separator: "\t") + "\n"
        }
        text += TableWriter().format(containerText) + "\nLocal Volumes space usage:\n\n"
        var volumeText = "VOLUME NAME\tLINKS\tSIZE\n"
        for volume in volumes {
            volumeText += "\(volume["Name"]?.stringValue ?? "")\t\(Int(number(volume["UsageData"]?["RefCount"])))\t\(Units.humanSize(max(0, number(volume["UsageData"]?["Size"]))))\n"
        }
        text += TableWriter().format(volumeText) + "\nBuild cache usage: \(Units.humanSize(cacheSize, precision: 4))\n\n"
            + TableWriter().format("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED\n")
                Output.out(text)
    }
}
