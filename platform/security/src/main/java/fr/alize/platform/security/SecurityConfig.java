package fr.alize.platform.security;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Settings of the caller's identity ({@code alize.security.*}). */
@ConfigMapping(prefix = "alize.security")
public interface SecurityConfig {

    /**
     * The roles from the most privileged down, to name a caller by one role ({@link Caller#mainRole}); set by the
     * programme's vocabulary, which knows the roles.
     */
    Optional<List<String>> rolePrecedence();
}
