package org.alliancehub.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a module contributes to the back office's navigation: one bean per module, in its {@code web}
 * package. It returns only the entries the signed-in user may use, so nobody sees a link that answers 403.
 */
public interface BackOfficeEntries {

	/**
	 * The entries for the alliance being managed ({@code alliance} non-null: links under
	 * {@code /admin/a/{slug}/}) or the general ones ({@code alliance} null).
	 */
	List<BackOfficeEntry> entries(@Nullable Site alliance);
}
