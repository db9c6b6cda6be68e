package org.alliancehub.identity.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancehub.identity.Access;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.core.Authentication;

/**
 * Spring Security's expression handler for {@code @PreAuthorize}, deciding the rules of the public pages and reads
 * without evaluating them as SpEL: {@code permitAll()}, {@code @access.canRead('kind', #id)} and
 * {@code @access.canManage('kind', #id)}. Evaluating such a rule through SpEL built an evaluation context per call
 * (a root object, the method's parameter names read by reflection, the bean looked up by name), walked the
 * expression and called {@link Access} reflectively with its arguments converted: 5-9 % of a rendered page in a JFR
 * profile, for the one call to {@link Access} that decides.
 * <p>
 * The decision is the same: the rule's text is still parsed by Spring's SpEL parser (a rule it refuses is refused
 * the same way), the annotation is still found by Spring Security, the argument is the one SpEL would name
 * ({@code #id} through the same parameter-name discoverer, on the same most specific method), and {@link Access}
 * is the bean SpEL resolves, called with the same values, so it answers or throws
 * ({@link org.alliancehub.shared.NotFound} propagates unwrapped, as from SpEL) the same. Any other rule, and any
 * call this cannot decide exactly (an argument that is not a {@code Long}, a parameter name not found), is left to
 * SpEL, whose evaluation context is then created as before.
 */
class DirectRules extends DefaultMethodSecurityExpressionHandler {

	private static final Pattern ACCESS_RULE = Pattern
		.compile("@access\\.(canRead|canManage)\\('([A-Za-z0-9_.-]+)', #([A-Za-z_][A-Za-z0-9_]*)\\)");

	private @Nullable ApplicationContext context;

	private volatile @Nullable Access access;

	/** Spring's own parser (SpEL) parses every rule; the known forms are wrapped to be decided directly. */
	DirectRules() {
		ExpressionParser spel = getExpressionParser();
		setExpressionParser(new ExpressionParser() {

			@Override
			public Expression parseExpression(String text) throws ParseException {
				return direct(text, spel.parseExpression(text));
			}

			@Override
			public Expression parseExpression(String text, ParserContext parserContext) throws ParseException {
				return spel.parseExpression(text, parserContext);
			}
		});
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		super.setApplicationContext(applicationContext);
		this.context = applicationContext;
	}

	/** The context SpEL needs, made only if SpEL is asked: a rule decided directly reads only the invocation. */
	@Override
	public EvaluationContext createEvaluationContext(Supplier<? extends Authentication> authentication,
			MethodInvocation mi) {
		return new Deferred(mi, () -> super.createEvaluationContext(authentication, mi));
	}

	/** The rule decided directly when it is one of the known forms; otherwise SpEL's own expression. */
	Expression direct(String text, Expression spel) {
		if ("permitAll()".equals(text)) {
			return new Direct(spel, mi -> Boolean.TRUE);
		}
		Matcher m = ACCESS_RULE.matcher(text);
		if (!m.matches()) {
			return spel;
		}
		boolean read = m.group(1).equals("canRead");
		String kind = m.group(2);
		String parameter = m.group(3);
		Map<Method, Integer> positions = new ConcurrentHashMap<>();
		return new Direct(spel, mi -> {
			int at = positions.computeIfAbsent(mi.getMethod(), method -> position(mi, parameter));
			Object[] arguments = mi.getArguments();
			if (at < 0 || at >= arguments.length || !(arguments[at] instanceof Long id)) {
				return null; // not decided here: SpEL decides
			}
			Access rules = access();
			return read ? rules.canRead(kind, id) : rules.canManage(kind, id);
		});
	}

	/** Where SpEL finds {@code #name}: the same discoverer on the same method as its evaluation context; -1 if not. */
	private int position(MethodInvocation mi, String name) {
		Method method = AopUtils.getMostSpecificMethod(mi.getMethod(),
				AopProxyUtils.ultimateTargetClass(mi.getThis()));
		String[] names = getParameterNameDiscoverer().getParameterNames(method);
		if (names == null || method.isVarArgs()) {
			return -1;
		}
		int found = -1;
		for (int i = 0; i < names.length; i++) {
			if (name.equals(names[i])) {
				if (found >= 0) {
					return -1;
				}
				found = i;
			}
		}
		return found;
	}

	/** The bean SpEL's {@code @access} resolves to. */
	private Access access() {
		Access a = access;
		if (a == null) {
			if (context == null) {
				throw new IllegalStateException("no application context");
			}
			a = context.getBean("access", Access.class);
			access = a;
		}
		return a;
	}

	/** Decides a rule from the invocation, or answers null to leave it to SpEL. */
	@FunctionalInterface
	interface Decision {

		@Nullable Boolean decide(MethodInvocation mi);
	}

	/** A rule decided without SpEL when evaluated in this handler's context; SpEL's expression for anything else. */
	static final class Direct implements Expression {

		private final Expression spel;

		private final Decision decision;

		Direct(Expression spel, Decision decision) {
			this.spel = spel;
			this.decision = decision;
		}

		@Override
		public @Nullable Object getValue(EvaluationContext context) throws EvaluationException {
			if (context instanceof Deferred d) {
				Boolean decided = decision.decide(d.invocation);
				if (decided != null) {
					return decided;
				}
			}
			return spel.getValue(context);
		}

		@Override
		public <T> @Nullable T getValue(EvaluationContext context, @Nullable Class<T> desiredResultType)
				throws EvaluationException {
			if (context instanceof Deferred d && (desiredResultType == null || desiredResultType == Boolean.class
					|| desiredResultType == Object.class)) {
				Boolean decided = decision.decide(d.invocation);
				if (decided != null) {
					@SuppressWarnings("unchecked")
					T t = (T) decided;
					return t;
				}
			}
			return spel.getValue(context, desiredResultType);
		}

		@Override
		public String getExpressionString() {
			return spel.getExpressionString();
		}

		@Override
		public @Nullable Object getValue() throws EvaluationException {
			return spel.getValue();
		}

		@Override
		public <T> @Nullable T getValue(@Nullable Class<T> desiredResultType) throws EvaluationException {
			return spel.getValue(desiredResultType);
		}

		@Override
		public @Nullable Object getValue(@Nullable Object rootObject) throws EvaluationException {
			return spel.getValue(rootObject);
		}

		@Override
		public <T> @Nullable T getValue(@Nullable Object rootObject, @Nullable Class<T> desiredResultType)
				throws EvaluationException {
			return spel.getValue(rootObject, desiredResultType);
		}

		@Override
		public @Nullable Object getValue(EvaluationContext context, @Nullable Object rootObject)
				throws EvaluationException {
			return spel.getValue(context, rootObject);
		}

		@Override
		public <T> @Nullable T getValue(EvaluationContext context, @Nullable Object rootObject,
				@Nullable Class<T> desiredResultType) throws EvaluationException {
			return spel.getValue(context, rootObject, desiredResultType);
		}

		@Override
		public @Nullable Class<?> getValueType() throws EvaluationException {
			return spel.getValueType();
		}

		@Override
		public @Nullable Class<?> getValueType(@Nullable Object rootObject) throws EvaluationException {
			return spel.getValueType(rootObject);
		}

		@Override
		public @Nullable Class<?> getValueType(EvaluationContext context) throws EvaluationException {
			return spel.getValueType(context);
		}

		@Override
		public @Nullable Class<?> getValueType(EvaluationContext context, @Nullable Object rootObject)
				throws EvaluationException {
			return spel.getValueType(context, rootObject);
		}

		@Override
		public @Nullable TypeDescriptor getValueTypeDescriptor() throws EvaluationException {
			return spel.getValueTypeDescriptor();
		}

		@Override
		public @Nullable TypeDescriptor getValueTypeDescriptor(@Nullable Object rootObject) throws EvaluationException {
			return spel.getValueTypeDescriptor(rootObject);
		}

		@Override
		public @Nullable TypeDescriptor getValueTypeDescriptor(EvaluationContext context) throws EvaluationException {
			return spel.getValueTypeDescriptor(context);
		}

		@Override
		public @Nullable TypeDescriptor getValueTypeDescriptor(EvaluationContext context, @Nullable Object rootObject)
				throws EvaluationException {
			return spel.getValueTypeDescriptor(context, rootObject);
		}

		@Override
		public boolean isWritable(@Nullable Object rootObject) throws EvaluationException {
			return spel.isWritable(rootObject);
		}

		@Override
		public boolean isWritable(EvaluationContext context) throws EvaluationException {
			return spel.isWritable(context);
		}

		@Override
		public boolean isWritable(EvaluationContext context, @Nullable Object rootObject) throws EvaluationException {
			return spel.isWritable(context, rootObject);
		}

		@Override
		public void setValue(@Nullable Object rootObject, @Nullable Object value) throws EvaluationException {
			spel.setValue(rootObject, value);
		}

		@Override
		public void setValue(EvaluationContext context, @Nullable Object value) throws EvaluationException {
			spel.setValue(context, value);
		}

		@Override
		public void setValue(EvaluationContext context, @Nullable Object rootObject, @Nullable Object value)
				throws EvaluationException {
			spel.setValue(context, rootObject, value);
		}
	}

	/** Spring Security's evaluation context for one invocation, created when SpEL first asks for any part of it. */
	static final class Deferred implements EvaluationContext {

		final MethodInvocation invocation;

		private final Supplier<EvaluationContext> create;

		private @Nullable EvaluationContext made;

		Deferred(MethodInvocation invocation, Supplier<EvaluationContext> create) {
			this.invocation = invocation;
			this.create = create;
		}

		/** Whether SpEL's context was made (for tests). */
		boolean made() {
			return made != null;
		}

		private EvaluationContext full() {
			EvaluationContext c = made;
			if (c == null) {
				c = create.get();
				made = c;
			}
			return c;
		}

		@Override
		public TypedValue getRootObject() {
			return full().getRootObject();
		}

		@Override
		public List<PropertyAccessor> getPropertyAccessors() {
			return full().getPropertyAccessors();
		}

		@Override
		public List<IndexAccessor> getIndexAccessors() {
			return full().getIndexAccessors();
		}

		@Override
		public List<ConstructorResolver> getConstructorResolvers() {
			return full().getConstructorResolvers();
		}

		@Override
		public List<MethodResolver> getMethodResolvers() {
			return full().getMethodResolvers();
		}

		@Override
		public @Nullable BeanResolver getBeanResolver() {
			return full().getBeanResolver();
		}

		@Override
		public TypeLocator getTypeLocator() {
			return full().getTypeLocator();
		}

		@Override
		public TypeConverter getTypeConverter() {
			return full().getTypeConverter();
		}

		@Override
		public TypeComparator getTypeComparator() {
			return full().getTypeComparator();
		}

		@Override
		public OperatorOverloader getOperatorOverloader() {
			return full().getOperatorOverloader();
		}

		@Override
		public TypedValue assignVariable(String name, Supplier<TypedValue> valueSupplier) {
			return full().assignVariable(name, valueSupplier);
		}

		@Override
		public void setVariable(String name, @Nullable Object value) {
			full().setVariable(name, value);
		}

		@Override
		public @Nullable Object lookupVariable(String name) {
			return full().lookupVariable(name);
		}

		@Override
		public boolean isAssignmentEnabled() {
			return full().isAssignmentEnabled();
		}

		@Override
		public boolean isCompilationSupported() {
			return full().isCompilationSupported();
		}
	}
}
