// CBerthArchive: the few Linux calls BerthArchive cannot make from Swift —
// openat2(2) (no glibc wrapper; syscall(2) is variadic), the xattr calls, and the
// makedev/major/minor macros. Errors come back as -1 with errno set, like the libc call.
#ifndef CBERTH_ARCHIVE_H
#define CBERTH_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/// openat2(2) with an open_how of {flags, mode, resolve}; -1/ENOSYS on kernels before 5.6.
int berth_archive_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve);

/// openat(2) with an explicit mode (openat is variadic).
int berth_archive_openat(int dirfd, const char *path, int flags, mode_t mode);

/// lsetxattr(2): sets an extended attribute without following a final symlink
/// (<sys/xattr.h> is not part of Swift's Glibc module).
int berth_archive_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags);

/// llistxattr(2), for tests and diffing: NUL-separated names into `list`.
ssize_t berth_archive_llistxattr(const char *path, char *list, size_t size);

/// lgetxattr(2): an extended attribute's value without following a final symlink.
ssize_t berth_archive_lgetxattr(const char *path, const char *name, void *value, size_t size);

/// makedev(3): a device number from its major and minor parts.
dev_t berth_archive_makedev(unsigned int major, unsigned int minor);

/// major(3) of a device number.
unsigned int berth_archive_major(dev_t device);

/// minor(3) of a device number.
unsigned int berth_archive_minor(dev_t device);

#endif
