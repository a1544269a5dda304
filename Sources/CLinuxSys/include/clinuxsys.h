// CLinuxSys: the few Linux calls Swift cannot make directly — variadic C
// functions, macros such as CMSG_*, and raw clone(2). Each function is a thin
// pass-through; errors come back as -1 with errno set, like the libc call.
#ifndef CLINUXSYS_H
#define CLINUXSYS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// clone(2) without a new stack: behaves like fork(2) but can create namespaces.
/// Returns 0 in the child, the child's pid in the parent, -1 on error.
pid_t berth_clone(unsigned long flags);

/// prctl(2) with every argument spelled out (prctl is variadic).
int berth_prctl(int option, unsigned long arg2, unsigned long arg3,
                unsigned long arg4, unsigned long arg5);

/// ioctl(2) with an integer argument.
int berth_ioctl_int(int fd, unsigned long request, unsigned long arg);

/// ioctl(2) with a pointer argument.
int berth_ioctl_ptr(int fd, unsigned long request, void *arg);

/// open(2) with an explicit mode (open is variadic).
int berth_open(const char *path, int flags, mode_t mode);

/// openat(2) with an explicit mode.
int berth_openat(int dirfd, const char *path, int flags, mode_t mode);

/// openat2(2) with RESOLVE_* flags; falls back to -1/ENOSYS on old kernels.
int berth_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve);

/// pivot_root(2).
int berth_pivot_root(const char *new_root, const char *put_old);

/// close_range(2); flags may be CLOSE_RANGE_CLOEXEC.
int berth_close_range(unsigned int first, unsigned int last, unsigned int flags);

/// Marks every descriptor >= first close-on-exec, using close_range when the
/// kernel has it and walking /proc/self/fd otherwise.
int berth_cloexec_from(int first);

/// pidfd_open(2).
int berth_pidfd_open(pid_t pid, unsigned int flags);

/// pidfd_send_signal(2).
int berth_pidfd_send_signal(int pidfd, int sig);

/// capget(2)/capset(2) for the three 64-bit capability sets (version 3 ABI).
int berth_capget(pid_t pid, uint64_t *effective, uint64_t *permitted, uint64_t *inheritable);
int berth_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable);

/// Sends one descriptor over a Unix socket with SCM_RIGHTS, with a short payload.
int berth_send_fd(int sock, int fd, const void *payload, size_t length);

/// Receives one descriptor sent with SCM_RIGHTS; returns it, or -1.
int berth_recv_fd(int sock, void *payload, size_t *length);

/// pipe2(2) (needs _GNU_SOURCE, which Swift's Glibc import lacks).
int berth_pipe2(int fds[2], int flags);

/// setns(2).
int berth_setns(int fd, int nstype);

/// unshare(2).
int berth_unshare(int flags);

/// setresuid(2) / setresgid(2).
int berth_setresuid(uid_t uid);
int berth_setresgid(gid_t gid);

/// prlimit(2) for the calling process.
int berth_setrlimit(int resource, uint64_t soft, uint64_t hard);

/// The f_type of the filesystem holding `path` (statfs(2)), or -1.
long berth_fs_type(const char *path);

/// fsopen(2): a filesystem context for the new mount API.
int berth_fsopen(const char *fsname, unsigned int flags);

/// fsconfig(2) with a string value (key may be "lowerdir+" on Linux >= 6.8).
int berth_fsconfig_string(int fd, const char *key, const char *value);

/// fsconfig(2) FSCONFIG_CMD_CREATE.
int berth_fsconfig_create(int fd);

/// fsmount(2).
int berth_fsmount(int fd, unsigned int flags, unsigned int attributes);

/// move_mount(2) of a detached mount (from_fd) onto a path.
int berth_move_mount_to(int from_fd, const char *to_path);

/// lsetxattr(2), llistxattr(2), lgetxattr(2): extended attributes without
/// following a final symlink (not in Swift's Glibc module).
int berth_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags);
ssize_t berth_llistxattr(const char *path, char *list, size_t size);
ssize_t berth_lgetxattr(const char *path, const char *name, void *value, size_t size);

/// The current thread's errno (a macro in C).
int berth_errno(void);

/// Sets the current thread's errno.
void berth_set_errno(int value);

/// seccomp(2) with SECCOMP_SET_MODE_FILTER for a classic BPF program.
int berth_seccomp_filter(const void *filter, unsigned short length, unsigned int flags);

/// makedev(3) (a macro).
dev_t berth_makedev(unsigned int major, unsigned int minor);

/// major(3)/minor(3) (macros).
unsigned int berth_major(dev_t dev);
unsigned int berth_minor(dev_t dev);

#endif
