package fr.kiif.programmes.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Where to go back after the login: a path of this site only, never another site (no open redirect). */
public final class ReturnPath {

    private ReturnPath() {
    }

    /** The given path when it is local ("/…", not "//…" nor "/\…", no scheme, host or control character). */
    public static Optional<String> local(String path) {
        if (path == null || path.length() > 2000 || !path.startsWith("/") || path.startsWith("//")
                || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(path);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(path);
    }
}
