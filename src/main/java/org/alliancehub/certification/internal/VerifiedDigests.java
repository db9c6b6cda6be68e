package org.alliancehub.certification.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The signature checks that succeeded, remembered in memory only (never in the database an intruder could write):
 * 128 bits of SHA-256 over (public key, text, signature) in a fixed table of {@code slots} entries (16 bytes each,
 * so a million fit in 16 MB), a newcomer replacing whatever held its slot. A hit needs all 128 bits to match the
 * digest of what is read now, so a record altered in any byte (content, trail or signature) is never a hit and is
 * checked in full; forgetting an entry only costs one check again.
 */
final class VerifiedDigests {

	private final long[] table;

	private final int mask;

	private final Object[] locks = new Object[64];

	VerifiedDigests(int slots) {
		int n = Integer.highestOneBit(Math.max(2, slots));
		this.table = new long[2 * n];
		this.mask = n - 1;
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new Object();
		}
	}

	static byte[] digest(byte[] publicKey, byte[] text, byte[] signature) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			// lengths first: no two different triples give the same input
			d.update(ByteBuffer.allocate(12).putInt(publicKey.length).putInt(text.length).putInt(signature.length).array());
			d.update(publicKey);
			d.update(text);
			d.update(signature);
			return d.digest();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	boolean contains(byte[] digest) {
		ByteBuffer b = ByteBuffer.wrap(digest);
		long hi = b.getLong(0);
		long lo = b.getLong(8);
		int slot = (int) b.getLong(16) & mask;
		synchronized (locks[slot & (locks.length - 1)]) {
			return table[2 * slot] == hi && table[2 * slot + 1] == lo && (hi | lo) != 0;
		}
	}

	void add(byte[] digest) {
		ByteBuffer b = ByteBuffer.wrap(digest);
		int slot = (int) b.getLong(16) & mask;
		synchronized (locks[slot & (locks.length - 1)]) {
			table[2 * slot] = b.getLong(0);
			table[2 * slot + 1] = b.getLong(8);
		}
	}

	/**
	 * Forgets every entry. Each lock guards the slots {@code slot & (locks.length - 1) == i}, so the slots of lock
	 * {@code i} are visited directly, every slot once (it ran on every start, and walking the whole table once per
	 * lock, 64 million steps for the 1 M slots, cost the start about half a second of CPU).
	 */
	void clear() {
		int stride = locks.length;
		for (int i = 0; i < stride; i++) {
			synchronized (locks[i]) {
				for (int slot = i; slot <= mask; slot += stride) {
					table[2 * slot] = 0;
					table[2 * slot + 1] = 0;
				}
			}
		}
	}
}
