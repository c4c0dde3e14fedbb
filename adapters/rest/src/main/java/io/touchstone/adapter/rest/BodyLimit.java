package io.touchstone.adapter.rest;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a request body as it is read and stops at {@link RequestLimits#MAX_BODY_BYTES}: the check for
 * bodies sent without a Content-Length (chunked), which {@link RequestLimits} cannot refuse up front. The HTTP
 * server's own {@code quarkus.http.limits.max-body-size} stays the last line, set above this limit so that this one
 * answers first, with a problem body.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    /** The body went past the limit while it was being read. */
    static final class TooLarge extends IOException {

        TooLarge() {
            super("request body over " + RequestLimits.MAX_BODY_BYTES + " bytes", null);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counting(context.getInputStream()));
        return context.proceed();
    }

    private static final class Counting extends FilterInputStream {

        private long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws TooLarge {
            read += bytes;
            if (read > RequestLimits.MAX_BODY_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
