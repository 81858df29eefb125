package org.frameloop.store.postgres;

import java.time.Duration;

import org.frameloop.io.JournalJson;

/**
 * A client in its own JVM (plain Java on a class path) that leases one sample and then works on it forever,
 * until {@link SampleLeasesTest} kills it: {@code LeaseHolder ADDRESS LEASE_MILLIS}. Prints
 * {@code leased FRAME REGION_JSON} once it holds the lease. Credentials come from its environment.
 */
public final class LeaseHolder {

    private LeaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        ProjectAddress address = ProjectAddress.parse(args[0]);
        PostgresProjectStore store = PostgresProjectStore.open(address, Credentials.forAddress(address));
        SampleLeases.Lease lease = store.leases().next(Duration.ofMillis(Long.parseLong(args[1]))).orElseThrow();
        System.out.println("leased " + lease.sample().frameIndex() + " "
                + JournalJson.describe(lease.sample().region()));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // "labelling": never finishes, never renews
    }
}
