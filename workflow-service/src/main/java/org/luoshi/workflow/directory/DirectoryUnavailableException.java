package org.luoshi.workflow.directory;

/** Keycloak's user directory could not be asked (down, timed out, refused the service account): answered 503. */
public class DirectoryUnavailableException extends RuntimeException {
    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
