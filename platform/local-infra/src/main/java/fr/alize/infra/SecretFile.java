package fr.alize.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets of a local deployment, in files readable by their owner only. */
public final class SecretFile {

    private SecretFile() {
    }

    /** Writes a random key (32 bytes, Base64) to {@code file} unless it exists: made once, then kept. */
    public static Path createIfAbsent(Path file) {
        if (Files.exists(file)) {
            return file;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
        return file;
    }

    /** Writes {@code content} to {@code file} (atomically, through a temporary file that only its owner may read). */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret " + file, e);
        }
    }
}
