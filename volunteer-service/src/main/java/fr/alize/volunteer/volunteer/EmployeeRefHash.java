package fr.alize.volunteer.volunteer;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The partner's employee reference as this service stores it: HMAC-SHA256 of the partner id and the reference under
 * a per-deployment secret key, in hex. The same partner and reference give the same hash (so bulk upserts stay
 * idempotent); without the key, a stored hash cannot be tested against guessed references, and the same reference
 * at two partners gives two unrelated hashes. The key is read at start-up from the file named by
 * {@value #KEY_LOCATION} (at least 32 bytes; the service does not start without it) and must never change: hashes
 * made under another key no longer match.
 */
@Singleton
@Startup
public class EmployeeRefHash {

    public static final String KEY_LOCATION = "volunteer.employee-ref.key-location";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    @Inject
    EmployeeRefHash(Config config) {
        this.key = keyFrom(config);
    }

    public String of(String partnerId, String employeeRef) {
        return hash(key, partnerId, employeeRef);
    }

    /** The key of this deployment, from the configured file (also read by the schema migration that hashed old rows). */
    public static SecretKeySpec keyFrom(Config config) {
        Path file = Path.of(config.getValue(KEY_LOCATION, String.class));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(KEY_LOCATION + ": cannot read the employee reference key at " + file
                    + " (" + e + "); create it once per deployment, e.g. head -c 32 /dev/urandom | base64 > " + file, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalStateException(KEY_LOCATION + ": the employee reference key at " + file
                    + " must hold at least " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public static String hash(SecretKeySpec key, String partnerId, String employeeRef) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((partnerId + "\n" + employeeRef).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
