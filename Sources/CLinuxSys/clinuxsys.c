// Thin pass-throughs for calls Swift cannot make directly. See clinuxsys.h.
#define _GNU_SOURCE
#include "clinuxsys.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

pid_t berth_clone(unsigned long flags) {
    return (pid_t)syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL);
}

int berth_prctl(int option, unsigned long arg2, unsigned long arg3,
                unsigned long arg4, unsigned long arg5) {
    return prctl(option, arg2, arg3, arg4, arg5);
}

int berth_ioctl_int(int fd, unsigned long request, unsigned long arg) {
    return ioctl(fd, request, arg);
}

int berth_ioctl_ptr(int fd, unsigned long request, void *arg) {
    return ioctl(fd, request, arg);
}

int berth_open(const char *path, int flags, mode_t mode) {
    return open(path, flags, mode);
}

int berth_openat(int dirfd, const char *path, int flags, mode_t mode) {
    return openat(dirfd, path, flags, mode);
}

struct berth_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};

int berth_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct berth_open_how how = {flags, mode, resolve};
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
}

int berth_pivot_root(const char *new_root, const char *put_old) {
    return (int)syscall(SYS_pivot_root, new_root, put_old);
}

int berth_close_range(unsigned int first, unsigned int last, unsigned int flags) {
    return (int)syscall(SYS_close_range, first, last, flags);
}

int berth_cloexec_from(int first) {
    if (berth_close_range((unsigned int)first, ~0U, CLOSE_RANGE_CLOEXEC) == 0) {
        return 0;
    }
    DIR *dir = opendir("/proc/self/fd");
    if (dir == NULL) {
        return -1;
    }
    int self = dirfd(dir);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') {
            continue;
        }
        int fd = atoi(entry->d_name);
        if (fd >= first && fd != self) {
            int current = fcntl(fd, F_GETFD);
            if (current >= 0) {
                fcntl(fd, F_SETFD, current | FD_CLOEXEC);
            }
        }
    }
    closedir(dir);
    return 0;
}

int berth_pidfd_open(pid_t pid, unsigned int flags) {
    return (int)syscall(SYS_pidfd_open, pid, flags);
}

int berth_pidfd_send_signal(int pidfd, int sig) {
    return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

int berth_capget(pid_t pid, uint64_t *effective, uint64_t *permitted, uint64_t *inheritable) {
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, pid};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof(data));
    if (syscall(SYS_capget, &header, data) != 0) {
        return -1;
    }
    *effective = ((uint64_t)data[1].effective << 32) | data[0].effective;
    *permitted = ((uint64_t)data[1].permitted << 32) | data[0].permitted;
    *inheritable = ((uint64_t)data[1].inheritable << 32) | data[0].inheritable;
    return 0;
}

int berth_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable) {
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    data[0].effective = (uint32_t)effective;
    data[1].effective = (uint32_t)(effective >> 32);
    data[0].permitted = (uint32_t)permitted;
    data[1].permitted = (uint32_t)(permitted >> 32);
    data[0].inheritable = (uint32_t)inheritable;
    data[1].inheritable = (uint32_t)(inheritable >> 32);
    return (int)syscall(SYS_capset, &header, data);
}

// Room for one SCM_RIGHTS descriptor, aligned as cmsghdr requires.
union berth_fd_control {
    char buffer[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
};

// Points `message` at one iovec (the payload, or a single byte when there is
// none) and at the control buffer; shared by sending and receiving.
static void berth_prepare_message(struct msghdr *message, struct iovec *iov, union berth_fd_control *control,
                                  void *payload, size_t length, char *spare) {
    iov->iov_base = length > 0 ? payload : spare;
    iov->iov_len = length > 0 ? length : 1;
    memset(control, 0, sizeof(*control));
    memset(message, 0, sizeof(*message));
    message->msg_iov = iov;
    message->msg_iovlen = 1;
    message->msg_control = control->buffer;
    message->msg_controllen = sizeof(control->buffer);
}

int berth_send_fd(int sock, int fd, const void *payload, size_t length) {
    char spare = 0;
    struct iovec iov;
    union berth_fd_control control;
    struct msghdr message;
    berth_prepare_message(&message, &iov, &control, (void *)payload, length, &spare);
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(header), &fd, sizeof(int));
    ssize_t sent;
    do {
        sent = sendmsg(sock, &message, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent < 0 ? -1 : 0;
}

int berth_recv_fd(int sock, void *payload, size_t *length) {
    char spare = 0;
    struct iovec iov;
    union berth_fd_control control;
    struct msghdr message;
    size_t capacity = (payload != NULL && length != NULL) ? *length : 0;
    berth_prepare_message(&message, &iov, &control, payload, capacity, &spare);
    ssize_t received;
    do {
        received = recvmsg(sock, &message, MSG_CMSG_CLOEXEC);
    } while (received < 0 && errno == EINTR);
    if (received < 0) {
        return -1;
    }
    if (length != NULL) {
        *length = (size_t)received;
    }
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    if (header == NULL || header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) {
        errno = EBADMSG;
        return -1;
    }
    int fd;
    memcpy(&fd, CMSG_DATA(header), sizeof(int));
    return fd;
}

int berth_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }

int berth_setns(int fd, int nstype) { return setns(fd, nstype); }

int berth_unshare(int flags) { return unshare(flags); }

int berth_setresuid(uid_t uid) { return setresuid(uid, uid, uid); }
int berth_setresgid(gid_t gid) { return setresgid(gid, gid, gid); }

int berth_setrlimit(int resource, uint64_t soft, uint64_t hard) {
    struct rlimit limit = {(rlim_t)soft, (rlim_t)hard};
    return prlimit(0, (__rlimit_resource_t)resource, &limit, NULL);
}

long berth_fs_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) {
        return -1;
    }
    return (long)info.f_type;
}

#ifndef SYS_fsopen
#define SYS_fsopen 430
#endif
#ifndef SYS_fsconfig
#define SYS_fsconfig 431
#endif
#ifndef SYS_fsmount
#define SYS_fsmount 432
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif

int berth_fsopen(const char *fsname, unsigned int flags) { return (int)syscall(SYS_fsopen, fsname, flags); }

int berth_fsconfig_string(int fd, const char *key, const char *value) {
    return (int)syscall(SYS_fsconfig, fd, 1 /* FSCONFIG_SET_STRING */, key, value, 0);
}

int berth_fsconfig_create(int fd) { return (int)syscall(SYS_fsconfig, fd, 6 /* FSCONFIG_CMD_CREATE */, NULL, NULL, 0); }

int berth_fsmount(int fd, unsigned int flags, unsigned int attributes) {
    return (int)syscall(SYS_fsmount, fd, flags, attributes);
}

int berth_move_mount_to(int from_fd, const char *to_path) {
    return (int)syscall(SYS_move_mount, from_fd, "", AT_FDCWD, to_path, 0x00000004 /* MOVE_MOUNT_F_EMPTY_PATH */);
}

int berth_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags) {
    return lsetxattr(path, name, value, size, flags);
}

ssize_t berth_llistxattr(const char *path, char *list, size_t size) { return llistxattr(path, list, size); }

ssize_t berth_lgetxattr(const char *path, const char *name, void *value, size_t size) {
    return lgetxattr(path, name, value, size);
}

int berth_errno(void) { return errno; }

void berth_set_errno(int value) { errno = value; }

int berth_seccomp_filter(const void *filter, unsigned short length, unsigned int flags) {
    struct sock_fprog program;
    program.len = length;
    program.filter = (struct sock_filter *)filter;
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &program);
}

dev_t berth_makedev(unsigned int major, unsigned int minor) { return makedev(major, minor); }
unsigned int berth_major(dev_t dev) { return major(dev); }
unsigned int berth_minor(dev_t dev) { return minor(dev); }
