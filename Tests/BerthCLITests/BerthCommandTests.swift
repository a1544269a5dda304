import BerthCLI
import Testing

@Test func rootCommandIsNamedBerth() {
    #expect(BerthCommand.configuration.commandName == "berth")
}
