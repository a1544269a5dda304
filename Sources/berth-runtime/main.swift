// berth-runtime: an OCI runtime with runc's command line. All logic lives in
// BerthRuntime; this file only hands over the arguments and the exit code.
import BerthRuntime
import Glibc

exit(RuntimeCommandLine.main(Array(CommandLine.arguments.dropFirst())))
