package io.newsalerts.cli;

import io.newsalerts.aws.CounterRepository;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency records — an article's item (its id is what makes a re-post a no-op) and the per-day count items
 * (what makes a redelivered or re-reported day add nothing) — carry the TTL attribute template.yaml enables
 * ({@code expiresAt}, epoch seconds), set to expire after the retention, so the tables do not grow without bound.
 *
 * <p>Whether expired items are actually removed is DynamoDB's TTL sweeper's job; moto 5.2.5 records the TTL setting
 * but never deletes expired items, so that part cannot be shown here.
 */
@ExtendWith(LocalAws.class)
class RetentionIT {

    /** ArticleRepository's and CounterRepository's default retention. */
    private static final Duration RETENTION = Duration.ofDays(400);

    @Test
    void articlesAndPerDayItemsExpireAfterTheRetentionAndNothingElseDoes(LocalAws.Endpoint aws) {
        Rig rig = new Rig(aws, null);
        Instant before = Instant.now();
        for (String a : ReplayIT.ARTICLES) {
            rig.post(a);
        }
        rig.drain();
        Instant after = Instant.now();

        List<Map<String, AttributeValue>> articles = rig.ddb.scan(b -> b.tableName(rig.tables.articles())).items();
        List<Map<String, AttributeValue>> counters = rig.ddb.scan(b -> b.tableName(rig.tables.counters())).items();
        List<Map<String, AttributeValue>> days = counters.stream()
                .filter(i -> CounterRepository.isBookkeeping(i.get("series").s())).toList();
        assertThat(articles).hasSize(ReplayIT.ARTICLES.size());
        assertThat(days).isNotEmpty();
        for (Map<String, AttributeValue> item : concat(articles, days)) {
            assertThat(item).containsKey("expiresAt");
            long expiresAt = Long.parseLong(item.get("expiresAt").n());
            assertThat(expiresAt).as("expiresAt of %s", item.get("id") != null ? item.get("id") : item.get("series"))
                    .isBetween(before.plus(RETENTION).getEpochSecond() - 1, after.plus(RETENTION).getEpochSecond() + 1);
        }
        // Calendar counters and statistic slots are the history the rules compare against: they are kept.
        assertThat(counters.stream().filter(i -> !CounterRepository.isBookkeeping(i.get("series").s())))
                .isNotEmpty().allSatisfy(i -> assertThat(i).doesNotContainKey("expiresAt"));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
