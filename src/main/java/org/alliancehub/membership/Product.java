package org.alliancehub.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A product an enterprise shows on its page (企业之窗), e.g. 渣浆泵. */
public record Product(@NotBlank @Size(max = 200) String name, @Size(max = 4000) @Nullable String description) {
}
