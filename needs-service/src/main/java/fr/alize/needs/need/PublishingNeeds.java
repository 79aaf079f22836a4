package fr.alize.needs.need;

import fr.alize.domain.InvalidValue;
import fr.alize.domain.NotPermitted;
import fr.alize.domain.RuleViolation;
import fr.alize.needs.infrastructure.Ids;
import fr.alize.needs.need.NeedCommands.AmendNeed;
import fr.alize.needs.need.NeedCommands.PublishNeed;
import fr.alize.needs.need.NeedCommands.WithdrawNeed;
import fr.alize.needs.need.NeedQueries.NeedFilter;
import fr.alize.needs.need.NeedRequests.NeedRequest;
import fr.alize.needs.sme.SmeRegister;
import fr.alize.needs.sme.SmeStatus;
import fr.alize.needs.sme.SmeViews.SmeView;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.web.Page;
import fr.alize.programme.Tenant;
import fr.alize.programme.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.UUID;

/**
 * Publishing, amending, withdrawing and reading needs, on behalf of the caller: the CCI for any SME, an SME for
 * itself ({@link TenantGuard}). Holds the rule that spans two aggregates: only an SME the committee approved
 * publishes needs.
 */
@ApplicationScoped
public class PublishingNeeds {

    @Inject
    Commands commands;
    @Inject
    TenantGuard tenants;
    @Inject
    SmeRegister smes;
    @Inject
    NeedQueries queries;

    /** Publishes a need for the SME the request names (the CCI must name one) or the caller's own; its new id. */
    public String publish(NeedRequest request) {
        SmeView sme = approvedSme(smeFor(request.smeId()));
        String needId = UUID.randomUUID().toString();
        commands.send(new PublishNeed(needId, sme.smeId(), request.toDetails(sme.communeCode())));
        return needId;
    }

    /** Needs matching the filter; an SME sees its own only, whatever SME the filter names. */
    public Page<NeedView> list(NeedFilter filter, int page, int size) {
        String sme = tenants.actingFor(Tenant.SME).orElse(null);
        return queries.list(new NeedFilter(sme, filter.status(), filter.category(), filter.communeCode(), filter.skillId()),
                page, size);
    }

    /** Every need of one SME, whatever its status; 403 for another SME (existing or not), 404 for an unknown one. */
    public Page<NeedView> needsOf(String smeId, NeedStatus status, int page, int size) {
        String id = Ids.lower(smeId);
        tenants.require(Tenant.SME, id);
        if (smes.status(id).isEmpty()) {
            throw new NotFoundException("No such SME.");
        }
        return queries.list(new NeedFilter(id, status, null, null, null), page, size);
    }

    /** A need the caller may see: 404 for the CCI when unknown, 403 for an SME when not its own or unknown. */
    public NeedView get(String needId) {
        NeedView need = queries.find(Ids.lower(needId))
                .filter(found -> tenants.allows(Tenant.SME, found.smeId())).orElse(null);
        if (need == null) {
            if (tenants.actsOnAll()) {
                throw new NotFoundException("No such need.");
            }
            throw new NotPermitted();
        }
        return need;
    }

    /** The full new state of a need; the commune defaults to its SME's. */
    public void amend(String needId, NeedRequest request) {
        String id = Ids.lower(needId);
        String actingSme = tenants.actingFor(Tenant.SME).orElse(null);
        String smeOfNeed = queries.find(id).map(NeedView::smeId).orElse(null);
        String defaultCommune = smeOfNeed == null ? null : smes.find(smeOfNeed).map(SmeView::communeCode).orElse(null);
        sendToNeed(new AmendNeed(id, actingSme, request.toDetails(defaultCommune)), actingSme);
    }

    public void withdraw(String needId, String reason) {
        String actingSme = tenants.actingFor(Tenant.SME).orElse(null);
        sendToNeed(new WithdrawNeed(Ids.lower(needId), actingSme, reason.strip()), actingSme);
    }

    private void sendToNeed(Object command, String actingSme) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException e) {
            if (actingSme != null) {
                throw new NotPermitted(); // an SME learns nothing about needs that are not its own
            }
            throw e;
        }
    }

    /** The CCI must name the SME; an SME acts for the one its token names (and may repeat it). */
    private String smeFor(String requested) {
        if (tenants.actsOnAll()) {
            if (requested == null) {
                throw new InvalidValue("smeId", "is required when the CCI publishes a need");
            }
            return Ids.lower(requested);
        }
        String own = tenants.ownOrRefuse(Tenant.SME);
        if (requested != null && !Ids.lower(requested).equals(own)) {
            throw new NotPermitted();
        }
        return own;
    }

    /** Only an SME the committee approved publishes needs (a rule on the SME, checked before the need exists). */
    private SmeView approvedSme(String smeId) {
        SmeView sme = smes.find(smeId).orElse(null);
        if (sme == null && tenants.actsOnAll()) {
            throw new InvalidValue("smeId", "is not an SME that applied");
        }
        if (sme == null || sme.status() != SmeStatus.APPROVED) {
            throw new RuleViolation("Only an SME approved by the selection committee publishes needs; this one is "
                    + (sme == null ? "not enrolled" : sme.status()) + ".");
        }
        return sme;
    }
}
