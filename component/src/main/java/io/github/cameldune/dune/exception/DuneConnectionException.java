package io.github.cameldune.dune.exception;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** No answer: the connection failed or the response did not arrive in time. */
public class DuneConnectionException extends DuneApiException {

    /** An exception for a failure, with its cause when there is one. */
    public DuneConnectionException(Failure failure, Throwable cause) {
        super(failure, cause);
    }

    /** True when the connection failed before any byte of the request left: Dune cannot have done anything. */
    @Override
    public boolean isNothingDone() {
        Throwable cause = getCause();
        return cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException;
    }
}
