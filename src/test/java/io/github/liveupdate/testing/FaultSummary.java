package io.github.liveupdate.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts from a {@link FaultProxy} record, for assertions and the reliability report.
 *
 * @param requests every request the proxy received
 * @param injected requests that a fault rule failed: an error status, a reset or a truncated response
 * @param delayed requests that a fault rule delayed and then forwarded
 * @param modelled requests that a modelled AWS behaviour rejected, such as a new key not accepted yet
 * @param retried failed requests, injected or modelled, that the client sent again later
 * @param notRetried the failed requests that the client did not send again
 */
public record FaultSummary(
        int requests, int injected, int delayed, int modelled, int retried, List<RecordedRequest> notRetried) {

    /** Counts the record of one proxy, in arrival order. */
    public static FaultSummary of(List<RecordedRequest> record) {
        int injected = 0;
        int delayed = 0;
        int modelled = 0;
        int retried = 0;
        List<RecordedRequest> notRetried = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            RecordedRequest request = record.get(i);
            if (!request.faulted()) {
                continue;
            }
            if (!isFailure(request)) {
                delayed++;
                continue;
            }
            if (request.injected()) {
                injected++;
            } else {
                modelled++;
            }
            if (sentAgain(record, i)) {
                retried++;
            } else {
                notRetried.add(request);
            }
        }
        return new FaultSummary(record.size(), injected, delayed, modelled, retried, List.copyOf(notRetried));
    }

    /** Returns whether the client saw a failure: an error status, no response, or a cut response. */
    static boolean isFailure(RecordedRequest request) {
        return request.status() < 0
                || request.status() >= 400
                || request.fault().equals(Fault.truncatedResponse().label());
    }

    private static boolean sentAgain(List<RecordedRequest> record, int index) {
        RecordedRequest failed = record.get(index);
        for (int j = index + 1; j < record.size(); j++) {
            if (record.get(j).sameRequestAs(failed)) {
                return true;
            }
        }
        return false;
    }

    /** Returns one line for the test output and the reliability report. */
    @Override
    public String toString() {
        return "requests=" + requests + " injected=" + injected + " delayed=" + delayed + " modelled=" + modelled
                + " retried=" + retried + " notRetried=" + notRetried.size();
    }
}
