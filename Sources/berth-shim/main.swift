// berth-shim: the per-container monitor. All logic lives in BerthShim; this
// file only hands over the arguments and the exit code.
import BerthShim
import Glibc

exit(ShimCommandLine.main(Array(CommandLine.arguments.dropFirst())))
