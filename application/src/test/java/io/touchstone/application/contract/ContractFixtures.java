package io.touchstone.application.contract;

import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.ChoiceOption;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.LocalizedText;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyContent;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Aggregates for the port contracts. Every test works in tenants of its own (random ids), so that the contracts can
 * share one database; instants carry microseconds, the precision PostgreSQL keeps.
 */
public final class ContractFixtures {

    public static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123456Z");
    public static final LanguageTag CS = LanguageTag.of("cs");
    public static final LanguageTag FA = LanguageTag.of("fa");

    /**
     * Ids in the order PostgreSQL sorts them, chosen so that Java's signed {@link UUID#compareTo} would sort them
     * differently (first and ninth bytes above 0x7f).
     */
    public static final List<UUID> IDS_IN_STORED_ORDER = List.of(
            UUID.fromString("00000000-0000-7000-8000-000000000001"),
            UUID.fromString("0190a5e0-0000-7000-0000-000000000000"),
            UUID.fromString("0190a5e0-0000-7000-f000-000000000000"),
            UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff"),
            UUID.fromString("80000000-0000-7000-8000-000000000000"),
            UUID.fromString("ffffffff-ffff-7fff-bfff-fffffffffffe"));

    private ContractFixtures() {
    }

    public static Tenant tenant() {
        return Tenant.create(new TenantId(UUID.randomUUID()), "Nákupní dům Praha", "Europe/Prague", T0);
    }

    public static Tenant tenant(String name, String timeZone) {
        return Tenant.create(new TenantId(UUID.randomUUID()), name, timeZone, T0);
    }

    public static ApiKey key(TenantId tenant, UUID id) {
        return key(tenant, id, Set.of(Scope.SURVEYS_READ, Scope.RESPONSES_WRITE), null);
    }

    public static ApiKey key(TenantId tenant, UUID id, Set<Scope> scopes, Instant expiresAt) {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return ApiKey.issue(new ApiKeyId(id), tenant, "CRM integrace", scopes, randomLookupId(), hash, T0, expiresAt);
    }

    public static String randomLookupId() {
        byte[] lookup = new byte[12];
        ThreadLocalRandom.current().nextBytes(lookup);
        return HexFormat.of().formatHex(lookup);
    }

    public static LocalizedText localized(String cs, String fa) {
        Map<LanguageTag, String> texts = new LinkedHashMap<>();
        texts.put(CS, cs);
        if (fa != null) {
            texts.put(FA, fa);
        }
        return new LocalizedText(texts);
    }

    /**
     * Every question type, texts in Czech and Persian: {@code nps}, {@code csat} (1..5, satisfied from 5),
     * {@code ces} (1..7, higher is harder), {@code channel} (email, phone, chat) and {@code comment}.
     */
    public static SurveyContent everyType() {
        return new SurveyContent(CS, localized("Spokojenost zákazníků", "رضایت مشتری"), List.of(
                new Question.Nps(new QuestionId("nps"), localized(
                        "Na stupnici od 0 do 10, jaká je pravděpodobnost, že naši společnost doporučíte?",
                        "چقدر احتمال دارد ما را به دیگران توصیه کنید؟")),
                new Question.Csat(new QuestionId("csat"), localized("Jak hodnotíte vaši zkušenost s naší společností?",
                        null), 5, 5),
                new Question.Ces(new QuestionId("ces"), localized("Jak jednoduché bylo pro vás vyřízení žádosti?",
                        "حل کردن مشکلتان با ما چقدر آسان بود؟"), 7, CesOrientation.HIGHER_IS_HARDER),
                new Question.SingleChoice(new QuestionId("channel"), localized("Jak jste nás kontaktovali?", "چگونه؟"),
                        List.of(new ChoiceOption("email", localized("E-mail", "ایمیل")),
                                new ChoiceOption("phone", localized("Telefon", "تلفن")),
                                new ChoiceOption("chat", localized("Chat", "گفتگو")))),
                new Question.FreeText(new QuestionId("comment"), localized("Co můžeme zlepšit?", "چه چیزی را بهتر کنیم؟"),
                        500)));
    }

    /** Only an NPS question: what a second version might ask. */
    public static SurveyContent npsOnly() {
        return new SurveyContent(CS, localized("Doporučení", "توصیه"), List.of(
                new Question.Nps(new QuestionId("nps"), localized("Doporučili byste nás?", "ما را توصیه می‌کنید؟"))));
    }

    public static Survey draft(TenantId tenant, UUID id) {
        return Survey.draft(new SurveyId(id), tenant, everyType(), T0);
    }

    public static Survey published(TenantId tenant, UUID id) {
        Survey survey = draft(tenant, id);
        survey.publish(T0.plusSeconds(60));
        return survey;
    }

    public static Response response(Survey survey, UUID id, Answer... answers) {
        return survey.respond(new ResponseId(id), Optional.empty(), FA, null, "zákazník-42",
                Map.of("touchpoint", "call-centre", "employee", "جمشید"), List.of(answers), T0.plusSeconds(3_600));
    }

    public static Answer score(String question, int value) {
        return new Answer(new QuestionId(question), new AnswerValue.Score(value));
    }

    public static Answer text(String question, String value) {
        return new Answer(new QuestionId(question), new AnswerValue.Text(value));
    }

    public static Answer choice(String question, String option) {
        return new Answer(new QuestionId(question), new AnswerValue.Choice(option));
    }
}
