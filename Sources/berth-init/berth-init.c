// berth-init: the tiny init `docker run --init` puts in front of a container's
// command (mounted at /sbin/docker-init, invoked as `docker-init -- cmd args`).
// As PID 1 it forwards every signal it can to the command, reaps the zombies
// orphans leave behind, and exits with the command's status (128+N when a
// signal N killed it) — what tini does for dockerd. C, static, no libc
// surprises: it runs inside any image.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// Signals the kernel raises at a faulting thread: never forwarded, never blocked.
static const int synchronous_signals[] = {SIGFPE, SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGSYS};

static void usage(void) {
    fprintf(stderr, "usage: docker-init [--] COMMAND [ARG...]\n"
                    "Runs COMMAND as a child, forwards signals to it, reaps zombies and exits with its status.\n");
}

// The child: default signal mask and handlers, its own process group (the
// terminal's foreground one when there is a terminal), then exec.
static void run_child(char **argv, const sigset_t *original_mask) {
    for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);
    sigprocmask(SIG_SETMASK, original_mask, NULL);
    if (setpgid(0, 0) == 0 && isatty(STDIN_FILENO)) {
        signal(SIGTTOU, SIG_IGN);
        tcsetpgrp(STDIN_FILENO, getpgrp());
        signal(SIGTTOU, SIG_DFL);
    }
    execvp(argv[0], argv);
    int saved = errno;
    fprintf(stderr, "docker-init: exec %s failed: %s\n", argv[0], strerror(saved));
    _exit(saved == ENOENT ? 127 : 126);
}

// Reaps every exited child; returns 1 and sets *status when `child` was one of them.
static int reap(pid_t child, int *status) {
    int found = 0;
    for (;;) {
        int wstatus = 0;
        pid_t pid = waitpid(-1, &wstatus, WNOHANG);
        if (pid <= 0) break;
        if (pid == child) {
            found = 1;
            *status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : 1;
        }
    }
    return found;
}

int main(int argc, char **argv) {
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0) first++;
    if (first < argc && (strcmp(argv[first], "-h") == 0 || strcmp(argv[first], "--help") == 0)) {
        usage();
        return 0;
    }
    if (first >= argc) {
        usage();
        return 1;
    }
    // Outside a PID namespace of our own, still adopt orphaned descendants.
    if (getpid() != 1) prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    sigset_t all, original;
    sigfillset(&all);
    for (size_t i = 0; i < sizeof synchronous_signals / sizeof *synchronous_signals; i++) sigdelset(&all, synchronous_signals[i]);
    sigdelset(&all, SIGTTIN);
    sigdelset(&all, SIGTTOU);
    sigprocmask(SIG_SETMASK, &all, &original);

    pid_t child = fork();
    if (child < 0) {
        perror("docker-init: fork");
        return 1;
    }
    if (child == 0) run_child(argv + first, &original);

    int status = 0;
    for (;;) {
        struct timespec timeout = {.tv_sec = 1, .tv_nsec = 0};
        siginfo_t info;
        int sig = sigtimedwait(&all, &info, &timeout);
        if (sig > 0 && sig != SIGCHLD) {
            // Forward; the child may already be gone, which is fine.
            if (kill(child, sig) != 0 && errno != ESRCH) perror("docker-init: forward signal");
        }
        if (reap(child, &status)) {
            // Let any remaining orphans be collected before leaving.
            while (waitpid(-1, NULL, WNOHANG) > 0) {}
            return status;
        }
    }
}
