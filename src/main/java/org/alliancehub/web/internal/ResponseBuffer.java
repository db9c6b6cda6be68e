package org.alliancehub.web.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A response buffer that holds a whole page as the platform renders it ({@value #SIZE} bytes; Tomcat's default is
 * 8 KiB). A signed-in page that outgrew the buffer was committed while the filters still ran: Spring Session then
 * saved the session at that moment, forgot the session it had read, and read it from the database once more when
 * the request ended, one statement more for every page above 8 KiB (the workbench of a secretariat with a few
 * alliances, in the whole test suite 16 statements against 15; issue 15).
 */
class ResponseBuffer extends OncePerRequestFilter {

	static final int SIZE = 64 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!response.isCommitted() && response.getBufferSize() < SIZE) {
			response.setBufferSize(SIZE);
		}
		chain.doFilter(request, response);
	}
}
