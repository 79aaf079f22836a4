package fr.alize.volunteer.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;
import fr.alize.platform.web.RequestJson;
import fr.alize.volunteer.volunteer.OffboardReason;
import fr.alize.volunteer.volunteer.VolunteerData;
import fr.alize.volunteer.volunteer.VolunteerUpserts.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the rows of a bulk request, JSON or CSV, one by one: a row that cannot be read becomes a row with errors
 * (rejected later with its reasons) instead of failing the whole request. Only a request that is not a list of rows
 * at all (bad JSON, no header, too many rows) is a 400.
 */
@ApplicationScoped
public class BulkRows {

    public static final int MAX_ROWS = 1000;
    /** As {@link VolunteerData#employeeRef()}. */
    static final int MAX_EMPLOYEE_REF = 100;
    static final List<String> CSV_COLUMNS = List.of("employeeRef", "name", "email", "phone", "skills", "daysPerMonth",
            "absences", "communeCode", "maxTravelKm");
    private static final Set<String> LIST_COLUMNS = Set.of("skills", "absences");

    /** The request-body mapper: it refuses control characters in any text field, which rejects the row naming it. */
    private final ObjectMapper mapper;

    @Inject
    BulkRows(RequestJson json) {
        this.mapper = json.mapper();
    }

    public List<Row<VolunteerData>> volunteersFromJson(byte[] body) {
        return fromJsonArray(body, this::volunteer);
    }

    public List<Row<OffboardReason>> offboardingsFromJson(byte[] body) {
        return fromJsonArray(body, this::offboarding);
    }

    public List<Row<VolunteerData>> volunteersFromCsv(byte[] body) {
        CsvTable table = CsvTable.parse(body);
        List<String> unknown = table.header().stream().filter(c -> !CSV_COLUMNS.contains(c)).toList();
        if (!unknown.isEmpty() || !table.header().contains("employeeRef")
                || table.header().stream().distinct().count() != table.header().size()) {
            throw new InvalidInputException("file", "the header must name distinct columns among " + String.join(", ", CSV_COLUMNS)
                    + ", employeeRef included" + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)));
        }
        requireRowCount(table.lines().size(), "file");
        table.requireNoControlCharacters();
        List<Row<VolunteerData>> rows = new ArrayList<>();
        for (int i = 0; i < table.lines().size(); i++) {
            CsvTable.Line line = table.lines().get(i);
            int row = i + 1;
            if (line.values().size() != table.header().size()) {
                String ref = line.values().isEmpty() ? null : valueOf(table, line, "employeeRef");
                rows.add(new Row<>(row, ref, null, List.of(new FieldError("row", "line " + line.number() + " has "
                        + line.values().size() + " values; the header names " + table.header().size() + " columns"))));
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            ObjectNode node = mapper.createObjectNode();
            for (int c = 0; c < table.header().size(); c++) {
                String column = table.header().get(c);
                String value = line.values().get(c).strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (LIST_COLUMNS.contains(column)) {
                    node.set(column, column.equals("skills") ? skillsCell(value, errors) : absencesCell(value, errors));
                } else {
                    node.put(column, value);
                }
            }
            rows.add(errors.isEmpty() ? volunteer(row, node) : new Row<>(row, node.path("employeeRef").asText(null), null, errors));
        }
        return rows;
    }

    /** {@code it-requirements:3|project-management:2} */
    private ArrayNode skillsCell(String cell, List<FieldError> errors) {
        return pairs(cell, ":", "skillId", "level", errors, new FieldError("skills", "must be skillId:level pairs separated by |"));
    }

    /** {@code 2026-07-20/2026-08-14|2026-12-24/2027-01-02} */
    private ArrayNode absencesCell(String cell, List<FieldError> errors) {
        return pairs(cell, "/", "from", "to", errors,
                new FieldError("absences", "must be from/to date pairs (YYYY-MM-DD/YYYY-MM-DD) separated by |"));
    }

    /** Items separated by {@code |}, each two values separated by {@code separator}, as objects {first, second}. */
    private ArrayNode pairs(String cell, String separator, String first, String second, List<FieldError> errors, FieldError wrong) {
        ArrayNode items = mapper.createArrayNode();
        for (String item : cell.split("\\|")) {
            String[] parts = item.strip().split(Pattern.quote(separator));
            if (parts.length != 2) {
                errors.add(wrong);
                return items;
            }
            items.addObject().put(first, parts[0].strip()).put(second, parts[1].strip());
        }
        return items;
    }

    private static String valueOf(CsvTable table, CsvTable.Line line, String column) {
        int index = table.header().indexOf(column);
        return index >= 0 && index < line.values().size() ? line.values().get(index).strip() : null;
    }

    private <T> List<Row<T>> fromJsonArray(byte[] body, BiFunction<Integer, JsonNode, Row<T>> reader) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not valid JSON");
        }
        JsonNode items = root == null ? null : root.get("volunteers");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("volunteers", "must be an array of rows");
        }
        requireRowCount(items.size(), "volunteers");
        List<Row<T>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(reader.apply(i + 1, items.get(i)));
        }
        return rows;
    }

    private static void requireRowCount(int count, String field) {
        if (count < 1 || count > MAX_ROWS) {
            throw new InvalidInputException(field, "must hold between 1 and " + MAX_ROWS + " rows (it holds " + count + ")");
        }
    }

    private Row<VolunteerData> volunteer(int row, JsonNode node) {
        return read(row, node, VolunteerData.class);
    }

    private Row<OffboardReason> offboarding(int row, JsonNode node) {
        Row<OffboardingRow> read = read(row, node, OffboardingRow.class);
        if (!read.errors().isEmpty()) {
            return new Row<>(row, read.employeeRef(), null, read.errors());
        }
        List<FieldError> errors = new ArrayList<>();
        if (read.data().employeeRef() == null || read.data().employeeRef().isBlank()) {
            errors.add(new FieldError("employeeRef", "must not be blank"));
        } else if (read.data().employeeRef().length() > MAX_EMPLOYEE_REF) {
            errors.add(new FieldError("employeeRef", "must be at most " + MAX_EMPLOYEE_REF + " characters"));
        }
        if (read.data().reason() == null || read.data().reason() == OffboardReason.ERASURE_REQUESTED) {
            errors.add(new FieldError("reason", "must be LEFT_COMPANY or STOPPED_VOLUNTEERING"));
        }
        return new Row<>(row, read.employeeRef(), read.data().reason(), errors);
    }

    /** One row of a bulk offboarding. */
    record OffboardingRow(String employeeRef, OffboardReason reason) {
    }

    private <T> Row<T> read(int row, JsonNode node, Class<T> type) {
        String ref = node != null && node.path("employeeRef").isTextual() ? node.get("employeeRef").asText() : null;
        if (node == null || !node.isObject()) {
            return new Row<>(row, ref, null, List.of(new FieldError("row", "must be an object")));
        }
        try {
            return new Row<>(row, ref, mapper.treeToValue(node, type), List.of());
        } catch (JsonMappingException e) {
            return new Row<>(row, ref, null, List.of(new FieldError(pathOf(e), messageFor(e))));
        } catch (JsonProcessingException e) {
            return new Row<>(row, ref, null, List.of(new FieldError("row", "cannot be read")));
        }
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof RequestJson.RefusedText refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        return "has a wrong type or format";
    }

    /** {@code absences[0].from} from a Jackson reference chain. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "row" : path.toString();
    }
}
