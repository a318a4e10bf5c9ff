package io.newsalerts.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Records every DynamoDB write the pipeline sends (registered for every client in this JVM through the SDK's global
 * interceptor file), so bench/run can price them in write units by DynamoDB's rules, and, while recording, asks for
 * ReturnConsumedCapacity on each and adds up what the emulator answers: dynoxide answers as DynamoDB does (1 unit per
 * KB started, transactions 2x); moto answers 1.0 for any PutItem, whatever the size, so the computed figure is the
 * one that holds on either.
 */
public final class WriteUnits implements ExecutionInterceptor {

    /** One item written: table, key, the item if the request carries it whole (Put), and whether transactional. */
    public record Write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, boolean transactional, String op) {
    }

    public static final List<Write> WRITES = Collections.synchronizedList(new ArrayList<>());
    public static volatile boolean recording;
    /** Write units the emulator reported (ConsumedCapacity) for the writes sent while recording; failures report none. */
    public static final java.util.concurrent.atomic.DoubleAdder REPORTED_UNITS = new java.util.concurrent.atomic.DoubleAdder();
    /** SNS messages published (Publish calls, or entries of PublishBatch), whether recording or not. */
    public static final java.util.concurrent.atomic.AtomicLong PUBLISHED = new java.util.concurrent.atomic.AtomicLong();
    /** Every AWS call of this JVM: how many, and the nanoseconds spent waiting for their answers. */
    public static final java.util.concurrent.atomic.LongAdder CALLS = new java.util.concurrent.atomic.LongAdder();
    public static final java.util.concurrent.atomic.LongAdder CALL_NANOS = new java.util.concurrent.atomic.LongAdder();
    /**
     * The same per stage and operation ("detect: DynamoDb Query"): {calls, nanoseconds waiting}. The stage is the thread's
     * (io.newsalerts.cli.LocalPipeline runs each stream's stage on a thread named local-STAGE; the rest is ingest).
     */
    public static final Map<String, long[]> BY_OPERATION = new java.util.concurrent.ConcurrentHashMap<>();
    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Long> STARTED =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("bench.started");

    @Override
    public software.amazon.awssdk.core.SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Object r = context.request();
        if (!recording) {
            return context.request();
        }
        var total = software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL;
        if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof DeleteItemRequest d) {
            return d.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        }
        return context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        done(attributes);
        Object r = context.response();
        if (r instanceof software.amazon.awssdk.services.dynamodb.model.PutItemResponse p) {
            reported(p.consumedCapacity());
        } else if (r instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse u) {
            reported(u.consumedCapacity());
        } else if (r instanceof software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse d) {
            reported(d.consumedCapacity());
        } else if (r instanceof software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse t && t.hasConsumedCapacity()) {
            t.consumedCapacity().forEach(WriteUnits::reported);
        }
    }

    private static void reported(software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            REPORTED_UNITS.add(c.capacityUnits());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        done(attributes);
    }

    private static void done(ExecutionAttributes attributes) {
        Long t0 = attributes.getAttribute(STARTED);
        if (t0 != null) {
            long nanos = System.nanoTime() - t0;
            CALLS.increment();
            CALL_NANOS.add(nanos);
            String thread = Thread.currentThread().getName();
            String op = (thread.startsWith("local-") ? thread.substring(6) : "ingest") + ": "
                    + attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.SERVICE_NAME)
                    + " " + attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
            long[] acc = BY_OPERATION.computeIfAbsent(op, k -> new long[2]);
            synchronized (acc) {
                acc[0]++;
                acc[1] += nanos;
            }
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
        Object r = context.request();
        if (r instanceof software.amazon.awssdk.services.sns.model.PublishRequest) {
            PUBLISHED.incrementAndGet();
        } else if (r instanceof software.amazon.awssdk.services.sns.model.PublishBatchRequest b) {
            PUBLISHED.addAndGet(b.publishBatchRequestEntries().size());
        }
        if (!recording) {
            return;
        }
        if (r instanceof PutItemRequest p) {
            WRITES.add(new Write(p.tableName(), null, p.item(), false, "PutItem"));
        } else if (r instanceof UpdateItemRequest u) {
            WRITES.add(new Write(u.tableName(), u.key(), null, false, "UpdateItem"));
        } else if (r instanceof DeleteItemRequest d) {
            WRITES.add(new Write(d.tableName(), d.key(), null, false, "DeleteItem"));
        } else if (r instanceof TransactWriteItemsRequest t) {
            for (var i : t.transactItems()) {
                if (i.put() != null) {
                    WRITES.add(new Write(i.put().tableName(), null, i.put().item(), true, "Transact.Put"));
                } else if (i.update() != null) {
                    WRITES.add(new Write(i.update().tableName(), i.update().key(), null, true, "Transact.Update"));
                } else if (i.conditionCheck() != null) {
                    WRITES.add(new Write(i.conditionCheck().tableName(), i.conditionCheck().key(), null, true, "Transact.ConditionCheck"));
                } else if (i.delete() != null) {
                    WRITES.add(new Write(i.delete().tableName(), i.delete().key(), null, true, "Transact.Delete"));
                }
            }
        }
    }

    /** Write units for one write of an item of {@code bytes}: 1 per KB started, at least 1; transactions 2x. */
    public static long units(long bytes, boolean transactional) {
        long u = Math.max(1, (bytes + 1023) / 1024);
        return transactional ? 2 * u : u;
    }
}
