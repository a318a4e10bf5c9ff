package io.newsalerts.testing;

import io.newsalerts.aws.ParameterStore;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * An SSM parameter of one test's own on the emulator: its unique name, the store the code under test reads it
 * through, and {@link #put} to set (or replace) its value as a deployer would.
 */
public final class TestParameter {
    private final SsmClient ssm;
    private final ParameterStore store;
    private final String name;

    private TestParameter(LocalAws.Endpoint aws, String last) {
        this.ssm = aws.clients().configure(SsmClient.builder()).build();
        this.store = new ParameterStore(aws.clients());
        this.name = "/" + LocalAws.Endpoint.uniqueName("newsalerts") + "/" + last;
    }

    /** A parameter named /newsalerts-XXXXXXXX/{@code last}, not created until the first put. */
    public static TestParameter named(LocalAws.Endpoint aws, String last) {
        return new TestParameter(aws, last);
    }

    public String name() {
        return name;
    }

    public ParameterStore store() {
        return store;
    }

    public void put(String value) {
        ssm.putParameter(b -> b.name(name).type("String").value(value).overwrite(true));
    }
}
