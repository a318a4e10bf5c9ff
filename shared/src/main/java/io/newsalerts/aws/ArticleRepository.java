package io.newsalerts.aws;

import io.newsalerts.domain.Article;
import io.newsalerts.domain.Fact;
import io.newsalerts.extract.BadArticleException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles table: one item per article holding its extracted facts (not its text). Written once, conditionally,
 * so the same article posted twice or an event delivered twice changes nothing; the item's stream record is what
 * the count function consumes.
 */
public final class ArticleRepository {

    /** An article as stored: enough to count its facts and cite it as evidence. */
    public record StoredArticle(String id, String source, LocalDate published, List<Fact> facts) {
    }

    private final DynamoDbClient ddb;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    public ArticleRepository(DynamoDbClient ddb, String table, Duration retention, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.retention = retention;
        this.clock = clock;
    }

    public ArticleRepository(DynamoDbClient ddb, String table) {
        this(ddb, table, Duration.ofDays(400), Clock.systemUTC());
    }

    /**
     * Stores the article and its facts in one conditional write; false when it was already there.
     *
     * @throws BadArticleException when the item would pass DynamoDB's item size limit; nothing is written then
     */
    public boolean store(Article article, List<Fact> facts) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(article.id()));
        item.put("published", AttributeValue.fromS(article.published().toString()));
        item.put("title", AttributeValue.fromS(article.title()));
        if (article.url() != null && !article.url().isBlank()) {
            item.put("url", AttributeValue.fromS(article.url()));
        }
        item.put("source", AttributeValue.fromS(article.source() == null ? "" : article.source()));
        item.put("facts", AttributeValue.fromL(facts.stream().map(FactItems::toItem).toList()));
        item.put("ingestedAt", AttributeValue.fromS(clock.instant().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond())));
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_BYTES) {
            // DynamoDB would refuse the write with a ValidationException (a 500 to the caller); this says why
            throw new BadArticleException("the article's " + facts.size() + " facts and their evidence take "
                    + (size + 1023) / 1024 + " KB, and DynamoDB stores at most " + ItemSize.MAX_BYTES / 1024
                    + " KB per article: send it in parts");
        }
        try {
            ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return false;
        }
    }


    public static StoredArticle fromItem(Map<String, AttributeValue> item) {
        List<Fact> facts = new ArrayList<>();
        AttributeValue f = item.get("facts");
        if (f != null && f.hasL()) {
            f.l().forEach(v -> facts.add(FactItems.fromItem(v)));
        }
        return new StoredArticle(
                FactItems.s(item, "id"),
                FactItems.s(item, "source"),
                LocalDate.parse(FactItems.s(item, "published")),
                facts);
    }
}
