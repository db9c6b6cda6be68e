package org.alliancehub.transfer.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.transfer.InterestView;
import org.alliancehub.transfer.Interests;
import org.alliancehub.transfer.TechnologyTransfer;
import org.alliancehub.web.RelatedLink;
import org.alliancehub.web.RelatedLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Technology transfer's links on other pages (the chain 需求 → 项目 → 成果 → 转化 walked backwards): on a project's
 * page the demands that started it and the achievements it produced; on a demand's or an achievement's page its
 * recorded transfers. Only what the visitor may read.
 */
@Component
class TransferLinks implements RelatedLinks {

	private final TechnologyTransfer transfer;

	private final Interests interests;

	private final MessageSource messages;

	TransferLinks(TechnologyTransfer transfer, Interests interests, MessageSource messages) {
		this.transfer = transfer;
		this.interests = interests;
		this.messages = messages;
	}

	@Override
	public List<RelatedLink> linksTo(String kind, long id) {
		List<RelatedLink> links = new ArrayList<>();
		switch (kind) {
			case "project" -> {
				transfer.demandsOfProject(id).forEach(d -> links.add(new RelatedLink("related.startedBy", 10,
						"/a/" + d.alliance() + "/demands/" + d.id(), d.title())));
				transfer.achievementsOfProject(id).forEach(a -> links.add(new RelatedLink("related.achievements", 20,
						"/a/" + a.alliance() + "/achievements/" + a.id(), a.title())));
			}
			case "demand", "achievement" -> interests.transfersOf(kind, id).forEach(i -> links.add(
					new RelatedLink("related.transfers", 30, "/transfers/" + i.transfer().id(), title(i))));
			default -> {
			}
		}
		return links;
	}

	private String title(InterestView i) {
		String mode = messages.getMessage("enum.TransferMode." + i.transfer().contractType().name(), null,
				LocaleContextHolder.getLocale());
		return i.demand() + " ↔ " + i.achievement() + " · " + mode + " · " + i.transfer().signedOn();
	}
}
