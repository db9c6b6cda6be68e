package org.alliancehub.content;

public enum ArticleStatus {
	DRAFT, PUBLISHED
}
