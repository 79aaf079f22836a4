package fr.alize.volunteer.volunteer;

import fr.alize.platform.web.TextInput;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.platform.errors.ProblemException;
import fr.alize.volunteer.VolunteerConfig;
import fr.alize.volunteer.volunteer.PersonalDataStore.NewVolunteer;
import fr.alize.volunteer.volunteer.RowResult.Outcome;
import fr.alize.volunteer.volunteer.VolunteerCommands.ErasePersonalData;
import fr.alize.volunteer.volunteer.VolunteerCommands.OffboardVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.RegisterVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.UpdateVolunteer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Registers, updates and offboards volunteers, one at a time or by the thousand.
 * <p>
 * A bulk request is checked row by row first; the rows that pass are applied in chunks, one transaction per chunk
 * (the events of its commands, the projection rows, the references and personal data). Each row is compared with
 * the stored state before any command is sent, so a row that changes nothing sends nothing. Should a chunk fail
 * as a whole (a concurrent upload, say), its rows are applied again one transaction each, so that a bad row never
 * takes the others down and no row is ever half-applied.
 */
@ApplicationScoped
public class VolunteerUpserts {

    private static final Logger LOG = Logger.getLogger(VolunteerUpserts.class);

    @Inject
    Commands commands;
    @Inject
    VolunteerDirectory directory;
    @Inject
    PersonalDataStore store;
    @Inject
    VolunteerDataCheck check;
    @Inject
    VolunteerConfig config;

    /**
     * One row of a bulk request: its data, or the errors that made it unreadable. An employee reference that
     * {@link TextInput} refuses is not echoed in the row's result (nor stored with an idempotent answer).
     */
    public record Row<T>(int row, String employeeRef, T data, List<FieldError> errors) {
        public Row {
            if (TextInput.problemWith(employeeRef).isPresent()) {
                employeeRef = null;
            }
        }
    }

    public List<RowResult> upsert(String partnerId, List<Row<VolunteerData>> rows) {
        List<RowResult> results = new ArrayList<>();
        List<Row<VolunteerData>> valid = new ArrayList<>();
        for (Row<VolunteerData> row : rows) {
            List<FieldError> errors = row.errors().isEmpty() ? check.check(row.data(), true) : row.errors();
            if (errors.isEmpty()) {
                valid.add(row);
            } else {
                results.add(RowResult.rejected(row.row(), row.employeeRef(), errors));
            }
        }
        results.addAll(rejectRepeatedRefs(valid));
        results.addAll(inChunks(partnerId, valid, this::applyUpserts));
        results.sort(Comparator.comparingInt(RowResult::row));
        return results;
    }

    public List<RowResult> offboard(String partnerId, List<Row<OffboardReason>> rows) {
        List<RowResult> results = new ArrayList<>();
        List<Row<OffboardReason>> valid = new ArrayList<>();
        rows.forEach(row -> {
            if (row.errors().isEmpty()) {
                valid.add(row);
            } else {
                results.add(RowResult.rejected(row.row(), row.employeeRef(), row.errors()));
            }
        });
        results.addAll(rejectRepeatedRefs(valid));
        results.addAll(inChunks(partnerId, valid, this::applyOffboardings));
        results.sort(Comparator.comparingInt(RowResult::row));
        return results;
    }

    /** Registers one volunteer; 409 when the partner already has one under that employee reference. */
    public String register(String partnerId, VolunteerData data) {
        requireValid(data, true);
        if (!directory.byEmployeeRef(partnerId, List.of(data.employeeRef())).isEmpty()) {
            throw new ConflictException("This partner already has a volunteer with this employee reference.");
        }
        if (!directory.erasedRefs(partnerId, List.of(data.employeeRef())).isEmpty()) {
            throw new ConflictException("This employee reference belonged to a volunteer whose personal data was erased; it cannot be used again.");
        }
        RowResult result = QuarkusTransaction.requiringNew().call(() ->
                applyUpserts(partnerId, List.of(new Row<>(1, data.employeeRef(), data, List.of()))).get(0));
        return result.volunteerId();
    }

    /** Replaces a volunteer's profile and personal data; what is already true records nothing. */
    public void update(String volunteerId, String actingPartnerId, VolunteerData data) {
        requireValid(data, false);
        VolunteerView current = directory.find(volunteerId).orElseThrow();
        if (data.employeeRef() != null && current.employeeRef() != null && !data.employeeRef().equals(current.employeeRef())) {
            throw new InvalidInputException("employeeRef", "cannot change; register the new reference instead");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            commands.send(new UpdateVolunteer(volunteerId, actingPartnerId, data.profile()));
            if (!data.personalData().equals(current.personalData())) {
                store.replaceAll(Map.of(volunteerId, data.personalData()));
            }
        });
    }

    /** Offboards the volunteer if needed, records the erasure and deletes name and contact, in one transaction. */
    public void erase(String volunteerId, String actingPartnerId) {
        QuarkusTransaction.requiringNew().run(() -> {
            commands.send(new ErasePersonalData(volunteerId, actingPartnerId));
            store.erase(volunteerId);
        });
    }

    private void requireValid(VolunteerData data, boolean employeeRefRequired) {
        List<FieldError> errors = check.check(data, employeeRefRequired);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private List<RowResult> applyUpserts(String partnerId, List<Row<VolunteerData>> rows) {
        Map<String, VolunteerView> current = directory.byEmployeeRef(partnerId, refs(rows));
        Set<String> erased = directory.erasedRefs(partnerId, refs(rows));
        List<RowResult> results = new ArrayList<>();
        List<NewVolunteer> created = new ArrayList<>();
        Map<String, PersonalData> personalChanges = new HashMap<>();
        for (Row<VolunteerData> row : rows) {
            VolunteerView existing = current.get(row.employeeRef());
            Profile profile = row.data().profile();
            PersonalData personal = row.data().personalData();
            if (erased.contains(row.employeeRef())) {
                results.add(erasedRejection(row));
            } else if (existing == null) {
                String volunteerId = UUID.randomUUID().toString();
                commands.send(new RegisterVolunteer(volunteerId, partnerId, profile));
                created.add(new NewVolunteer(partnerId, row.employeeRef(), volunteerId, personal));
                results.add(RowResult.of(row.row(), row.employeeRef(), Outcome.CREATED, volunteerId));
            } else if (existing.status() == VolunteerStatus.OFFBOARDED) {
                results.add(RowResult.rejected(row.row(), row.employeeRef(), "employeeRef",
                        "belongs to an offboarded volunteer, who cannot be changed"));
            } else {
                boolean profileChanged = !existing.profile().equals(profile);
                boolean personalChanged = !personal.equals(existing.personalData());
                if (profileChanged) {
                    commands.send(new UpdateVolunteer(existing.volunteerId(), partnerId, profile));
                }
                if (personalChanged) {
                    personalChanges.put(existing.volunteerId(), personal);
                }
                Outcome outcome = profileChanged || personalChanged ? Outcome.UPDATED : Outcome.UNCHANGED;
                results.add(RowResult.of(row.row(), row.employeeRef(), outcome, existing.volunteerId()));
            }
        }
        store.addAll(created);
        store.replaceAll(personalChanges);
        return results;
    }

    private List<RowResult> applyOffboardings(String partnerId, List<Row<OffboardReason>> rows) {
        Map<String, VolunteerView> current = directory.byEmployeeRef(partnerId, refs(rows));
        Set<String> erased = directory.erasedRefs(partnerId, refs(rows));
        List<RowResult> results = new ArrayList<>();
        for (Row<OffboardReason> row : rows) {
            VolunteerView existing = current.get(row.employeeRef());
            if (erased.contains(row.employeeRef())) {
                results.add(erasedRejection(row));
            } else if (existing == null) {
                results.add(RowResult.rejected(row.row(), row.employeeRef(), "employeeRef", "no volunteer of this partner has this employee reference"));
            } else if (existing.status() == VolunteerStatus.OFFBOARDED) {
                results.add(RowResult.of(row.row(), row.employeeRef(), Outcome.UNCHANGED, existing.volunteerId()));
            } else {
                commands.send(new OffboardVolunteer(existing.volunteerId(), partnerId, row.data()));
                results.add(RowResult.of(row.row(), row.employeeRef(), Outcome.OFFBOARDED, existing.volunteerId()));
            }
        }
        return results;
    }

    /**
     * Refused without the volunteer id and without repeating the reference (the row number says which row it was):
     * the answer, which may be stored for an idempotent replay, must not hold the erased person's reference.
     */
    private static RowResult erasedRejection(Row<?> row) {
        return RowResult.rejected(row.row(), null, "employeeRef",
                "belonged to a volunteer whose personal data was erased; it cannot be used again");
    }

    /** Applies rows chunk by chunk, each chunk in one transaction; a failed chunk is retried row by row. */
    private <T> List<RowResult> inChunks(String partnerId, List<Row<T>> rows,
                                         BiFunction<String, List<Row<T>>, List<RowResult>> apply) {
        List<RowResult> results = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += config.bulkChunkSize()) {
            List<Row<T>> chunk = rows.subList(from, Math.min(rows.size(), from + config.bulkChunkSize()));
            try {
                results.addAll(inOneUnitOfWork(() -> apply.apply(partnerId, chunk)));
            } catch (RuntimeException chunkFailure) {
                LOG.infof("A chunk of %d rows failed as a whole (%s); applying its rows one by one", chunk.size(), chunkFailure.toString());
                for (Row<T> row : chunk) {
                    try {
                        results.addAll(inOneUnitOfWork(() -> apply.apply(partnerId, List.of(row))));
                    } catch (RuntimeException rowFailure) {
                        results.add(RowResult.rejected(row.row(), row.employeeRef(), reasonsOf(rowFailure)));
                    }
                }
            }
        }
        return results;
    }

    /**
     * One transaction and one Axon unit of work around many commands: the commands' own units of work nest in it,
     * so the events of the whole chunk are appended to the event store as one JDBC batch when it commits.
     */
    private static <R> R inOneUnitOfWork(Supplier<R> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("bulk chunk"));
            try {
                R result = work.get();
                unitOfWork.commit();
                return result;
            } catch (RuntimeException e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                throw e;
            }
        });
    }

    private static List<FieldError> reasonsOf(RuntimeException failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ProblemException problem) {
            return problem.errors().isEmpty() ? List.of(new FieldError("row", problem.getMessage())) : problem.errors();
        }
        LOG.warn("A bulk row could not be applied", failure);
        return List.of(new FieldError("row", "could not be applied (it changed concurrently?); send it again"));
    }

    /** A reference may appear once per request: later repetitions are rejected. */
    private static <T> List<RowResult> rejectRepeatedRefs(List<Row<T>> rows) {
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        List<RowResult> rejected = new ArrayList<>();
        rows.removeIf(row -> {
            Integer first = firstRow.putIfAbsent(row.employeeRef(), row.row());
            if (first != null) {
                rejected.add(RowResult.rejected(row.row(), row.employeeRef(), "employeeRef", "repeats row " + first + " of this request"));
                return true;
            }
            return false;
        });
        return rejected;
    }

    private static List<String> refs(List<? extends Row<?>> rows) {
        return rows.stream().map(Row::employeeRef).filter(Objects::nonNull).collect(Collectors.toList());
    }
}
