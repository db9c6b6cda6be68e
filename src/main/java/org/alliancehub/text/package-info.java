/**
 * Chinese text as the platform reads it, one definition for every module: folding (full-width forms,
 * 繁體 to 简体, lower case), segmentation into words (smartcn), character pairs for the names a dictionary
 * does not know, and the matching of names that stand for each other. The site search indexes and asks
 * with it; a domain module that compares texts (e.g. technologies with needs) uses the same, so that
 * Simplified and Traditional are one and a word means the same everywhere. It sits at the bottom, beside
 * {@code shared}: it uses no other module.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.alliancehub.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
