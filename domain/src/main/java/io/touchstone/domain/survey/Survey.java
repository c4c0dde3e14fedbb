package io.touchstone.domain.survey;

import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned questionnaire. The latest version is either a draft (editable) or published (immutable); editing a
 * published survey starts a new draft version. Responses are taken by published versions only.
 */
public final class Survey {

    private final SurveyId id;
    private final TenantId tenantId;
    private final Instant createdAt;
    private final List<SurveyVersion> versions;

    private Survey(SurveyId id, TenantId tenantId, Instant createdAt, List<SurveyVersion> versions) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.versions = new ArrayList<>(versions);
        if (this.versions.isEmpty()) {
            throw new IllegalArgumentException("a survey has at least one version");
        }
        for (int i = 0; i < this.versions.size(); i++) {
            if (this.versions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("survey versions must be numbered 1..n in order");
            }
        }
    }

    public static Survey draft(SurveyId id, TenantId tenantId, SurveyContent content, Instant now) {
        return new Survey(id, tenantId, now, List.of(SurveyVersion.draft(1, content, now)));
    }

    public static Survey rehydrate(SurveyId id, TenantId tenantId, Instant createdAt, List<SurveyVersion> versions) {
        return new Survey(id, tenantId, createdAt, versions);
    }

    /** Replaces the draft's content, or starts a new draft version when the latest one is published. */
    public SurveyVersion revise(SurveyContent content, Instant now) {
        SurveyVersion latest = latest();
        SurveyVersion revised = latest.isPublished()
                ? SurveyVersion.draft(latest.number() + 1, content, now)
                : new SurveyVersion(latest.number(), content, latest.status(), latest.createdAt(), Optional.empty());
        if (latest.isPublished()) {
            versions.add(revised);
        } else {
            versions.set(versions.size() - 1, revised);
        }
        return revised;
    }

    /** Publishes the latest version, which must be a draft. */
    public SurveyVersion publish(Instant now) {
        SurveyVersion latest = latest();
        if (latest.isPublished()) {
            throw new RuleViolated("survey.already-published",
                    "version " + latest.number() + " is published already; revise the survey to start a new draft");
        }
        SurveyVersion published = latest.published(now);
        versions.set(versions.size() - 1, published);
        return published;
    }

    /**
     * Takes a response to {@code versionNumber} (or, when empty, to the latest published version). The version must
     * be published, the language one the survey is offered in, and every answer one its question accepts.
     */
    public Response respond(ResponseId responseId, Optional<Integer> versionNumber, LanguageTag language,
            Channel channel, String respondentRef, Map<String, String> metadata, List<Answer> answers, Instant now) {
        return respond(responseId, versionNumber, language, channel, respondentRef, metadata, answers, now, null);
    }

    /** A response about a recorded interaction ({@code null}: none); see {@link Response#accept}. */
    public Response respond(ResponseId responseId, Optional<Integer> versionNumber, LanguageTag language,
            Channel channel, String respondentRef, Map<String, String> metadata, List<Answer> answers, Instant now,
            LinkedInteraction interaction) {
        SurveyVersion version = versionNumber.map(this::version).orElseGet(() -> latestPublished().orElseThrow(
                () -> new RuleViolated("survey.not-published", "survey " + id + " has no published version")));
        if (!version.isPublished()) {
            throw new RuleViolated("survey.not-published",
                    "version " + version.number() + " of survey " + id + " is a draft and takes no responses");
        }
        return Response.accept(responseId, tenantId, id, version, language, channel, respondentRef, metadata, answers,
                now, interaction);
    }

    public SurveyVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw new NotFound("survey.version-not-found", "survey " + id + " has no version " + number);
        }
        return versions.get(number - 1);
    }

    public SurveyVersion latest() {
        return versions.getLast();
    }

    public Optional<SurveyVersion> latestPublished() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).isPublished()) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    public SurveyId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<SurveyVersion> versions() {
        return List.copyOf(versions);
    }
}
