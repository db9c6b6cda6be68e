package org.alliancehub.web;

import java.util.List;

/**
 * What a module contributes to the "related" box of another module's page: the links from its own objects to
 * the object a page shows, so the chain 需求 → 项目 → 成果 → 转化 (and later 标准, 证书) can be walked both
 * ways although only the downstream module knows the link. One bean per module, in its {@code web} package.
 * It returns only the objects the signed-in visitor may read.
 */
public interface RelatedLinks {

	/**
	 * Links to the object of the given kind (the kind {@code identity.OwnedObjects} uses, e.g. {@code project},
	 * {@code demand}) and id, or an empty list.
	 */
	List<RelatedLink> linksTo(String kind, long id);
}
