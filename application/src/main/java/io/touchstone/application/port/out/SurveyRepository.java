package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface SurveyRepository {

    Uni<Void> add(Survey survey);

    /** Stores the survey's versions: the changed latest one and any new one. */
    Uni<Void> update(Survey survey);

    Uni<Optional<Survey>> find(TenantId tenantId, SurveyId id);

    /** The tenant's surveys in id (creation) order. */
    Uni<List<Survey>> list(TenantId tenantId, KeysetPage page);
}
