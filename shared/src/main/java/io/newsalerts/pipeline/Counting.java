package io.newsalerts.pipeline;

import io.newsalerts.aws.ArticleRepository.StoredArticle;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.counting.Tally;
import io.newsalerts.domain.Evidence;

/** The count stage: an article's incidents go to their days and calendar counters, its statistics to their slots. */
public final class Counting {
    private final CounterRepository counters;

    public Counting(CounterRepository counters) {
        this.counters = counters;
    }

    public Tally.Plan count(StoredArticle article) {
        Tally.Plan plan = Tally.plan(article.facts());
        for (Tally.DayCount day : plan.days()) {
            counters.recordDay(day, article.source());
        }
        for (Tally.Statistic s : plan.statistics()) {
            counters.recordStatistic(s.series(), s.period(), s.fact().count(),
                    new Evidence(s.fact().sentence(), article.source(), s.fact().attributedTo()), article.published());
        }
        return plan;
    }
}
