package io.newsalerts.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A call made with {@link SignedRequests} failed for good (after the SDK's retries where they apply): the message names
 * what was asked for (an S3 object, an SSM parameter) and what the service said. {@link NotFound} when it does not
 * exist (S3's NoSuchKey, SSM's ParameterNotFound).
 */
public class AwsCallException extends RuntimeException {
    private final int status;
    private final String errorCode;

    AwsCallException(String message, int status, String errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status of the last answer; 0 when there was none (I/O error). */
    public int status() {
        return status;
    }

    /** The service's error code (e.g. NoSuchKey, AccessDenied, ThrottlingException); null when there was no answer. */
    public String errorCode() {
        return errorCode;
    }

    /** The object or parameter does not exist. */
    public static final class NotFound extends AwsCallException {
        NotFound(String message, int status, String errorCode, Throwable cause) {
            super(message, status, errorCode, cause);
        }
    }

    static AwsCallException of(String what, RuntimeException failure) {
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails().errorCode();
            String message = what + ": " + (code == null ? "HTTP " + e.statusCode() : code + " (HTTP " + e.statusCode() + ")")
                    + (e.awsErrorDetails().errorMessage() == null ? "" : ": " + e.awsErrorDetails().errorMessage());
            return isNotFound(code)
                    ? new NotFound(message, e.statusCode(), code, e)
                    : new AwsCallException(message, e.statusCode(), code, e);
        }
        return new AwsCallException(failure.getMessage(), 0, null, failure);
    }

    private static boolean isNotFound(String code) {
        return "NoSuchKey".equals(code) || "NoSuchBucket".equals(code) || "ParameterNotFound".equals(code);
    }
}
