/// Aligns tab-separated cells into columns exactly as Go's text/tabwriter does
/// with docker's settings (minimum width 10, padding 3, spaces), so berth's
/// tables match docker's byte for byte. Columns are computed per block of
/// consecutive lines that have that column, as tabwriter does.
struct TableWriter {
    var minWidth = 10
    var padding = 3

    /// Lays out `text` (lines separated by `\n`, cells by `\t`).
    func format(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        var widths: [Int] = []
        var out = ""
        layout(lines, 0, lines.count, &widths, &out)
        if !endsWithNewline, out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    private func layout(_ lines: [[String]], _ start: Int, _ end: Int, _ widths: inout [Int], _ out: inout String) {
        let column = widths.count
        var line0 = start
        var this = start
        while this < end {
            if column >= lines[this].count - 1 { this += 1; continue }
            write(lines, line0, this, widths, &out)
            line0 = this
            var width = minWidth
            while this < end, column < lines[this].count - 1 {
                width = max(width, displayWidth(lines[this][column]) + padding)
                this += 1
            }
            widths.append(width)
            layout(lines, line0, this, &widths, &out)
            widths.removeLast()
            line0 = this
        }
        write(lines, line0, end, widths, &out)
    }

    private func write(_ lines: [[String]], _ start: Int, _ end: Int, _ widths: [Int], _ out: inout String) {
        guard start < end else { return }
        for index in start..<end {
            for (column, cell) in lines[index].enumerated() {
                out += cell
                if column < widths.count, column < lines[index].count - 1 {
                    out += String(repeating: " ", count: max(0, widths[column] - displayWidth(cell)))
                }
            }
            out += "\n"
        }
    }

    private func displayWidth(_ text: String) -> Int { text.unicodeScalars.count }
}
