import Bindings
import CShims
import Host

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `text` and a newline to stderr.
func printError(_ text: String) {
    fputs(text + "\n", gs_stderr())
}

let invocation: Invocation
do {
    invocation = try Invocation.parse(CommandLine.arguments)
} catch let error as Invocation.UsageError {
    printError("gluescript: \(error.message)\n" + Usage.text)
    exit(2)
}

if invocation.showHelp {
    print(Usage.text)
    exit(0)
}

if invocation.ssoLogin {
    let status = SSOLoginCommand(profile: invocation.profile).run()
    if status != 0 || (invocation.script == nil && invocation.steps.isEmpty && !invocation.interactive) {
        exit(status)
    }
}

let launcher = Launcher(invocation: invocation)
exit(launcher.run())
