package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.fake.InMemoryResponseRepository;
import io.touchstone.application.port.out.ResponseRepository.Tally;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random responses (fixed seeds) stored through the adapter are counted by its SQL exactly as counting them one by one
 * in memory counts them, and as the in-memory fake counts them.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class TallyMatchesInMemoryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RESPONSES = 300;
    private static final String[] COMMENTS = {"díky", "عالی بود", "pomalé doručení", "👍", "Veldig enkelt"};

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateResponseRepository responses;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20_260_601})
    void theAdapterTalliesLikeCountingInMemory(long seed) {
        Random random = new Random(seed);
        Tenant tenant = ContractFixtures.tenant();
        Tenant otherTenant = ContractFixtures.tenant();
        Survey survey = ContractFixtures.published(tenant.id(), UUID.randomUUID());
        Survey otherTenantsSurvey = ContractFixtures.published(otherTenant.id(), survey.id().value());
        transactionally(tenant.id(), () -> tenants.add(tenant).chain(() -> surveys.add(survey)));
        transactionally(otherTenant.id(), () -> tenants.add(otherTenant).chain(() -> surveys.add(otherTenantsSurvey)));

        List<Response> versionOne = randomResponses(random, survey, RESPONSES);
        List<Response> noise = randomResponses(random, otherTenantsSurvey, RESPONSES / 10);
        survey.revise(ContractFixtures.everyType(), ContractFixtures.T0.plusSeconds(7_200));
        survey.publish(ContractFixtures.T0.plusSeconds(7_201));
        transactionally(tenant.id(), () -> surveys.update(survey));
        List<Response> versionTwo = randomResponses(random, survey, RESPONSES / 10);

        InMemoryResponseRepository fake = new InMemoryResponseRepository();
        List<Response> all = new ArrayList<>(versionOne);
        all.addAll(noise);
        all.addAll(versionTwo);
        Collections.shuffle(all, random);
        for (int from = 0; from < all.size(); from += 50) {
            List<Response> batch = all.subList(from, Math.min(all.size(), from + 50));
            for (Tenant owner : List.of(tenant, otherTenant)) {
                List<Response> owned = batch.stream().filter(r -> r.tenantId().equals(owner.id())).toList();
                transactionally(owner.id(), () -> addAll(owned));
            }
            addAll(batch, fake).await().atMost(TIMEOUT);
        }

        for (int version = 1; version <= 2; version++) {
            int number = version;
            List<Response> expected = version == 1 ? versionOne : versionTwo;
            Tally stored = transactionally(tenant.id(), () -> responses.tally(tenant.id(), survey.id(), number));
            Tally faked = fake.tally(tenant.id(), survey.id(), number).await().atMost(TIMEOUT);

            assertThat(stored.responses()).isEqualTo(expected.size()).isEqualTo(faked.responses());
            for (Question question : survey.version(number).content().questions()) {
                QuestionId id = question.id();
                assertThat(stored.answers().scores(id)).as("scores of %s in version %d", id, number)
                        .isEqualTo(countScores(expected, id)).isEqualTo(faked.answers().scores(id));
                assertThat(stored.answers().choices(id)).as("choices of %s in version %d", id, number)
                        .isEqualTo(countChoices(expected, id)).isEqualTo(faked.answers().choices(id));
                assertThat(stored.answers().texts(id)).as("texts of %s in version %d", id, number)
                        .isEqualTo(countTexts(expected, id)).isEqualTo(faked.answers().texts(id));
            }
        }
        Tally other = transactionally(otherTenant.id(), () -> responses.tally(otherTenant.id(), survey.id(), 1));
        assertThat(other.responses()).isEqualTo(noise.size());
    }

    private Uni<Void> addAll(List<Response> batch) {
        return addAll(batch, responses);
    }

    private static Uni<Void> addAll(List<Response> batch, io.touchstone.application.port.out.ResponseRepository to) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Response response : batch) {
            chain = chain.chain(() -> to.add(response, "key-" + response.id(), "f"));
        }
        return chain;
    }

    private static List<Response> randomResponses(Random random, Survey survey, int count) {
        SurveyVersion version = survey.latestPublished().orElseThrow();
        List<Response> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Answer> answers = new ArrayList<>();
            for (Question question : version.content().questions()) {
                if (random.nextInt(10) < 7) {
                    answers.add(new Answer(question.id(), randomValue(random, question)));
                }
            }
            if (answers.isEmpty()) {
                Question first = version.content().questions().getFirst();
                answers.add(new Answer(first.id(), randomValue(random, first)));
            }
            Collections.shuffle(answers, random);
            made.add(survey.respond(new ResponseId(new UUID(random.nextLong(), random.nextLong())),
                    Optional.of(version.number()), random.nextBoolean() ? ContractFixtures.CS : ContractFixtures.FA, null,
                    null, Map.of("seq", Integer.toString(i)), answers, ContractFixtures.T0.plusSeconds(i)));
        }
        return made;
    }

    private static AnswerValue randomValue(Random random, Question question) {
        return switch (question) {
            case Question.Nps ignored -> new AnswerValue.Score(random.nextInt(11));
            case Question.Csat csat -> new AnswerValue.Score(1 + random.nextInt(csat.points()));
            case Question.Ces ces -> new AnswerValue.Score(1 + random.nextInt(ces.points()));
            case Question.SingleChoice choice -> new AnswerValue.Choice(
                    choice.options().get(random.nextInt(choice.options().size())).id());
            case Question.FreeText ignored -> new AnswerValue.Text(COMMENTS[random.nextInt(COMMENTS.length)]);
        };
    }

    private static Map<Integer, Long> countScores(List<Response> responses, QuestionId question) {
        Map<Integer, Long> counts = new HashMap<>();
        answers(responses, question).forEach(value -> {
            if (value instanceof AnswerValue.Score(int score)) {
                counts.merge(score, 1L, Long::sum);
            }
        });
        return counts;
    }

    private static Map<String, Long> countChoices(List<Response> responses, QuestionId question) {
        Map<String, Long> counts = new HashMap<>();
        answers(responses, question).forEach(value -> {
            if (value instanceof AnswerValue.Choice(String option)) {
                counts.merge(option, 1L, Long::sum);
            }
        });
        return counts;
    }

    private static long countTexts(List<Response> responses, QuestionId question) {
        return answers(responses, question).stream().filter(AnswerValue.Text.class::isInstance).count();
    }

    private static List<AnswerValue> answers(List<Response> responses, QuestionId question) {
        return responses.stream().flatMap(r -> r.answers().stream())
                .filter(a -> a.questionId().equals(question)).map(Answer::value).toList();
    }

    private <T> T transactionally(TenantId tenant, java.util.function.Supplier<Uni<T>> work) {
        return unitOfWork.transactionally(tenant, work).await().atMost(TIMEOUT);
    }
}
