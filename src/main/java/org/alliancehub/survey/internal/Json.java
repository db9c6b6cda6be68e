package org.alliancehub.survey.internal;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON kept in the survey tables (audiences, options, answers), written and read one way. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	public static List<String> readList(String json) {
		return MAPPER.readValue(json, new TypeReference<List<String>>() {
		});
	}

	public static Map<String, Object> readMap(String json) {
		return MAPPER.readValue(json, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
		});
	}
}
