package io.newsalerts.smoke;

import io.newsalerts.aws.Clients;
import io.newsalerts.aws.Tables;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The template's tables and topic, created on the local emulator under unique names, and each function's
 * environment as Lambda would set it: template values with {@code !Ref}s resolved to those names (parameters to
 * their defaults), plus the variables Lambda itself provides (region, credentials) and the emulators' endpoints.
 */
public final class LocalResources {
    public static final String REGION = "us-east-1";

    private final Clients emulators;
    private final Tables tables;
    private final String topicArn;
    /** The template's SSM parameters (logical id) to the last part of the names created here: /PREFIX/rules. */
    private static final Map<String, String> PARAMETERS = Map.of("RulesParameter", "rules", "GazetteerParameter", "gazetteer");

    private final String prefix;
    private final Template template;

    private LocalResources(Clients emulators, Tables tables, String topicArn, String prefix, Template template) {
        this.emulators = emulators;
        this.tables = tables;
        this.topicArn = topicArn;
        this.prefix = prefix;
        this.template = template;
    }

    /**
     * Creates the tables (with streams), the alerts topic and the SSM parameters (with the template's values) on the
     * emulators {@code clients} name.
     */
    public static LocalResources create(Clients clients, Template template) {
        String prefix = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        Tables tables = Tables.withPrefix(prefix);
        try (var ddb = clients.dynamoDb(); var sns = clients.sns(); var ssm = clients.configure(SsmClient.builder()).build()) {
            tables.create(ddb);
            String topic = sns.createTopic(b -> b.name(prefix + "-alerts")).topicArn();
            LocalResources created = new LocalResources(clients, tables, topic, prefix, template);
            created.parameterValues().forEach((name, value) ->
                    ssm.putParameter(b -> b.name(name).type(ParameterType.STRING).value(value)));
            return created;
        }
    }

    /**
     * The same names and environment with nothing created: for an endpoint that answers every call itself (the
     * archive training's stand-in, {@link ArchiveTraining}).
     */
    public static LocalResources named(URI endpoint, Template template, String prefix) {
        return new LocalResources(Clients.forEndpoint(endpoint, REGION), Tables.withPrefix(prefix), "arn:aws:sns:" + REGION + ":000000000000:" + prefix + "-alerts",
                prefix, template);
    }

    /** Each SSM parameter's name here to the value the template gives it. */
    public Map<String, String> parameterValues() {
        Map<String, String> out = new LinkedHashMap<>();
        PARAMETERS.forEach((logicalId, last) -> {
            String value = template.resourceProperty(logicalId, "Value");
            if (value == null) {
                throw new IllegalStateException("template.yaml has no " + logicalId + " with a Value");
            }
            out.put(parameterName(logicalId), value);
        });
        return out;
    }

    private String parameterName(String logicalId) {
        return "/" + prefix + "/" + PARAMETERS.get(logicalId);
    }

    /**
     * Clients for the emulators bin/test and bench/run start: moto at AWS_ENDPOINT_URL, and DynamoDB (with Streams) at
     * AWS_ENDPOINT_URL_DYNAMODB when it is served apart.
     */
    public static Clients emulatorsFromEnvironment() {
        String e = System.getProperty("aws.endpointUrl", System.getenv("AWS_ENDPOINT_URL"));
        if (e == null || e.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run through bin/test or bench/run, which start the emulators");
        }
        String d = System.getProperty("aws.endpointUrlDynamoDb", System.getenv("AWS_ENDPOINT_URL_DYNAMODB"));
        return Clients.forEndpoints(URI.create(e), URI.create(d == null || d.isBlank() ? e : d), REGION);
    }

    public Tables tables() {
        return tables;
    }

    public String topicArn() {
        return topicArn;
    }

    public Clients clients() {
        return emulators;
    }

    /** The function's whole environment in the emulator. */
    public Map<String, String> environment(Template.Function f) {
        Map<String, String> env = new LinkedHashMap<>();
        f.environment().forEach((k, v) -> env.put(k, resolve(k, v)));
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
        env.put("AWS_ENDPOINT_URL", emulators.endpoint().toString());
        if (!emulators.dynamoDbEndpoint().equals(emulators.endpoint())) {
            env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDbEndpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", emulators.dynamoDbEndpoint().toString());
        }
        env.put("AWS_LAMBDA_FUNCTION_NAME", f.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "60");
        env.put("LOG_LEVEL", "WARN");
        return env;
    }

    private String resolve(String name, String value) {
        if (PARAMETERS.containsKey(value)) {
            return parameterName(value);
        }
        return switch (value) {
            case "ArticlesTable" -> tables.articles();
            case "CountersTable" -> tables.counters();
            case "AlertsTable" -> tables.alerts();
            case "SilencesTable" -> tables.silences();
            case "AlertsTopic" -> topicArn;
            default -> {
                String p = template.parameterDefault(value);
                if (p != null) {
                    yield p;
                }
                if (value.matches("[A-Z][A-Za-z0-9]+") && !name.equals("JAVA_TOOL_OPTIONS")) {
                    throw new IllegalStateException(name + " refers to " + value
                            + ", which the smoke tests do not create on the emulator: add it to LocalResources");
                }
                yield value;
            }
        };
    }
}
