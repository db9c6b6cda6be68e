package org.alliancehub.network;

import java.util.List;

/**
 * What the network module needs to know about an alliance's members without depending on the
 * membership module: that module implements it.
 */
public interface MemberDirectory {

	long activeMemberCount(long allianceId);

	/** Organisations holding a governance role (chair, vice-chairs, secretary-general, supervisors), in order of rank. */
	List<GovernanceSeat> governance(long allianceId);

	record GovernanceSeat(String role, long organizationId, String organizationName) {
	}
}
