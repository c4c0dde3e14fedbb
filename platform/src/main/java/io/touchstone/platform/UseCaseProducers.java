package io.touchstone.platform;

import io.quarkus.runtime.Startup;
import io.touchstone.adapter.identity.DisabledTokenVerifier;
import io.touchstone.adapter.identity.IdentityProvider;
import io.touchstone.adapter.identity.JwksTokenVerifier;
import io.touchstone.adapter.identity.KeycloakAdmin;
import io.touchstone.adapter.identity.KeycloakTenantIdentities;
import io.touchstone.adapter.identity.NoTenantIdentities;
import io.touchstone.application.port.in.AuthenticateUseCase;
import io.touchstone.application.port.in.ExportResponsesUseCase;
import io.touchstone.application.port.in.ManageApiKeysUseCase;
import io.touchstone.application.port.in.JourneyMapUseCase;
import io.touchstone.application.port.in.ManageJourneysUseCase;
import io.touchstone.application.port.in.RecordInteractionsUseCase;
import io.touchstone.application.port.in.RecordLifecycleEventsUseCase;
import io.touchstone.application.port.in.ManageSurveysUseCase;
import io.touchstone.application.port.in.ManageTenantsUseCase;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import io.touchstone.application.port.in.QueryMetricsUseCase;
import io.touchstone.application.port.in.StaffLeaderboardUseCase;
import io.touchstone.application.port.in.ReadAuditLogUseCase;
import io.touchstone.application.port.in.ReadResponsesUseCase;
import io.touchstone.application.port.in.SubmitResponseUseCase;
import io.touchstone.application.port.in.SurveySummaryUseCase;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.InteractionLinks;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.RateLimiter;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.TenantIdentities;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.application.port.out.TokenVerifier;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.application.service.ApiKeySecrets;
import io.touchstone.application.service.ApiKeyService;
import io.touchstone.application.service.ApiKeyUsage;
import io.touchstone.application.service.AuditLogService;
import io.touchstone.application.service.AuthenticationService;
import io.touchstone.application.service.InteractionRecordingService;
import io.touchstone.application.service.JourneyService;
import io.touchstone.application.service.LifecycleEventService;
import io.touchstone.application.service.JourneyMapService;
import io.touchstone.application.service.MetricsQueryService;
import io.touchstone.application.service.StaffLeaderboardService;
import io.touchstone.application.service.RateLimitPolicy;
import io.touchstone.application.service.RateLimitingAuthentication;
import io.touchstone.application.service.ResponseExportService;
import io.touchstone.application.service.ResponseQueryService;
import io.touchstone.application.service.ResponseSubmissionService;
import io.touchstone.application.service.SurveyService;
import io.touchstone.application.service.SurveySummaryService;
import io.touchstone.application.service.TenantLifecycleService;
import io.touchstone.application.service.TenantProvisioningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Creates the application's services (which carry no framework annotations) and hands them to the adapters. */
@ApplicationScoped
public class UseCaseProducers {

    @Produces
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: a stored time must read back exactly as it was first returned
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }

    @Produces
    @Singleton
    ApiKeySecrets apiKeySecrets() {
        return new ApiKeySecrets();
    }

    @Produces
    @Singleton
    TokenVerifier tokenVerifier(Vertx vertx, TouchstoneConfig config) {
        TouchstoneConfig.Identity identity = config.identity();
        return identity.issuer().filter(issuer -> !issuer.isBlank())
                .<TokenVerifier>map(issuer -> new JwksTokenVerifier(vertx, new IdentityProvider(issuer,
                        identity.jwksUrl().filter(url -> !url.isBlank()).map(URI::create)
                                .orElseGet(() -> IdentityProvider.keycloakJwksUrl(issuer)),
                        identity.audience(), identity.clockSkew(), identity.tenantClaim(),
                        identity.keysRefetchAfter())))
                .orElseGet(DisabledTokenVerifier::new);
    }

    @Produces
    @Singleton
    ApiKeyUsage apiKeyUsage(ApiKeyRepository keys, UnitOfWork unitOfWork) {
        return new ApiKeyUsage(keys, unitOfWork);
    }

    @Produces
    @Singleton
    TenantIdentities tenantIdentities(Vertx vertx, TouchstoneConfig config) {
        TouchstoneConfig.Identity identity = config.identity();
        TouchstoneConfig.Admin admin = identity.admin();
        Optional<String> url = admin.url().filter(value -> !value.isBlank());
        Optional<String> clientId = admin.clientId().filter(value -> !value.isBlank());
        if (url.isEmpty() || clientId.isEmpty()) {
            return new NoTenantIdentities();
        }
        return new KeycloakTenantIdentities(vertx, new KeycloakAdmin(URI.create(url.get()), admin.realm(),
                clientId.get(), admin.clientSecret().orElse(""), identity.audience(), identity.tenantClaim(),
                admin.timeout()));
    }

    @Produces
    @Singleton
    AuthenticateUseCase authenticate(ApiKeyRepository keys, TenantRepository tenants, UnitOfWork unitOfWork,
            ApiKeySecrets secrets, Clock clock, TokenVerifier tokens, TouchstoneConfig config, RateLimiter limiter,
            RateLimitPolicy rateLimits, ApiKeyUsage usage) {
        AuthenticateUseCase authentication = new AuthenticationService(keys, tenants, unitOfWork, secrets, clock,
                tokens, config.operator().token(), usage);
        return config.rateLimit().enabled()
                ? new RateLimitingAuthentication(authentication, limiter, rateLimits)
                : authentication;
    }

    @Produces
    @Singleton
    ProvisionTenantUseCase provisionTenant(TenantRepository tenants, ApiKeyRepository keys, AuditLog auditLog,
            UnitOfWork unitOfWork, ApiKeySecrets secrets, Clock clock, TenantIdentities identities) {
        return new TenantProvisioningService(tenants, keys, auditLog, unitOfWork, secrets, clock, identities);
    }

    @Produces
    @Singleton
    ManageApiKeysUseCase manageApiKeys(ApiKeyRepository keys, AuditLog auditLog, UnitOfWork unitOfWork,
            ApiKeySecrets secrets, Clock clock) {
        return new ApiKeyService(keys, auditLog, unitOfWork, secrets, clock);
    }

    @Produces
    @Singleton
    ManageTenantsUseCase manageTenants(TenantRepository tenants, AuditLog auditLog, UnitOfWork unitOfWork,
            TenantIdentities identities, Clock clock) {
        return new TenantLifecycleService(tenants, auditLog, unitOfWork, identities, clock);
    }

    @Produces
    @Singleton
    ReadAuditLogUseCase readAuditLog(AuditLog auditLog, UnitOfWork unitOfWork) {
        return new AuditLogService(auditLog, unitOfWork);
    }

    @Produces
    @Singleton
    ManageSurveysUseCase manageSurveys(SurveyRepository surveys, AuditLog auditLog, UnitOfWork unitOfWork,
            Clock clock) {
        return new SurveyService(surveys, auditLog, unitOfWork, clock);
    }

    @Produces
    @Singleton
    JourneyMapUseCase journeyMap(JourneyRepository journeys, SurveyRepository surveys, ResponseStatistics statistics,
            InteractionStatistics interactionStatistics, UnitOfWork unitOfWork) {
        return new JourneyMapService(journeys, surveys, statistics, interactionStatistics, unitOfWork);
    }

    @Produces
    @Singleton
    ManageJourneysUseCase manageJourneys(JourneyRepository journeys, SurveyRepository surveys, AuditLog auditLog,
            UnitOfWork unitOfWork, Clock clock) {
        return new JourneyService(journeys, surveys, auditLog, unitOfWork, clock);
    }

    @Produces
    @Singleton
    SubmitResponseUseCase submitResponse(SurveyRepository surveys, ResponseRepository responses,
            InteractionLinks interactions, UnitOfWork unitOfWork, Clock clock) {
        return new ResponseSubmissionService(surveys, responses, interactions, unitOfWork, clock);
    }

    @Produces
    @Singleton
    ReadResponsesUseCase readResponses(SurveyRepository surveys, ResponseRepository responses,
            UnitOfWork unitOfWork) {
        return new ResponseQueryService(surveys, responses, unitOfWork);
    }

    @Produces
    @Singleton
    QueryMetricsUseCase queryMetrics(SurveyRepository surveys, ResponseStatistics statistics,
            InteractionStatistics interactionStatistics, UnitOfWork unitOfWork) {
        return new MetricsQueryService(surveys, statistics, interactionStatistics, unitOfWork);
    }

    /** Created at start, so that a staff minimum below 1 stops the service there. */
    @Produces
    @Singleton
    @Startup
    StaffLeaderboardUseCase staffLeaderboard(SurveyRepository surveys, ResponseStatistics statistics,
            UnitOfWork unitOfWork, TouchstoneConfig config) {
        return new StaffLeaderboardService(surveys, statistics, unitOfWork, config.metrics().staffMinResponses());
    }

    @Produces
    @Singleton
    ExportResponsesUseCase exportResponses(SurveyRepository surveys, ResponseStatistics statistics,
            UnitOfWork unitOfWork) {
        return new ResponseExportService(surveys, statistics, unitOfWork);
    }

    @Produces
    @Singleton
    SurveySummaryUseCase surveySummary(SurveyRepository surveys, ResponseRepository responses,
            UnitOfWork unitOfWork) {
        return new SurveySummaryService(surveys, responses, unitOfWork);
    }

    @Produces
    @Singleton
    RecordInteractionsUseCase recordInteractions(InteractionRepository interactions, Touchpoints touchpoints,
            TenantRepository tenants, UnitOfWork unitOfWork, Clock clock) {
        return new InteractionRecordingService(interactions, touchpoints, tenants, unitOfWork, clock);
    }

    @Produces
    @Singleton
    RecordLifecycleEventsUseCase recordLifecycleEvents(LifecycleEventRepository events, TenantRepository tenants,
            UnitOfWork unitOfWork, Clock clock) {
        return new LifecycleEventService(events, tenants, unitOfWork, clock);
    }
}
