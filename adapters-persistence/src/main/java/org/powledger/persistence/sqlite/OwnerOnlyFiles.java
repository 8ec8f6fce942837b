package org.powledger.persistence.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The ledger's files are readable by their owner only (rw-------), whatever the umask: the file is
 * created empty with those permissions before SQLite opens it, and SQLite gives the {@code -wal} and
 * {@code -shm} files the permissions of their database file.
 */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Creates {@code file} empty and owner-only unless something (a file, a link) is there already. */
    static void createIfMissing(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another process created it first: theirs stands
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates {@code file} empty and owner-only, failing if anything is there already: a file, or a
     * symbolic link, dangling or not ({@code O_CREAT|O_EXCL} never follows a link).
     *
     * @throws IllegalArgumentException when something is there already, or it cannot be created
     */
    static void createNew(Path file, String what) {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException("The " + what + " " + file + " is a symbolic link; it is never followed");
        }
        try {
            Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("The " + what + " " + file + " exists already");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
