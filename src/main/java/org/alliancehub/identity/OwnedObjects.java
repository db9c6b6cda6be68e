package org.alliancehub.identity;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The objects of one kind that a module serves by id (meetings, motions, surveys, articles …), resolved to
 * their {@link Owner}. Each module declares one bean per kind; {@link Access#canRead(String, long)} and
 * {@link Access#canManage(String, long)} use them, so that every endpoint addressed by an id is checked by
 * the same rule before anything is read or changed:
 * {@code @PreAuthorize("@access.canRead('meeting', #id)")}.
 */
public interface OwnedObjects {

	/** The kind's name as the access expressions spell it, e.g. {@code "meeting"}. */
	String kind();

	/** The owner of the object, or empty when there is no such object. */
	Optional<Owner> ownerOf(long id);

	/** Objects of a kind whose owner a function finds: for modules that declare several kinds. */
	static OwnedObjects of(String kind, LongFunction<Optional<Owner>> owner) {
		return new OwnedObjects() {

			@Override
			public String kind() {
				return kind;
			}

			@Override
			public Optional<Owner> ownerOf(long id) {
				return owner.apply(id);
			}
		};
	}
}
