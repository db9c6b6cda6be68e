package bench.minimal;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One page that reads the database; the database is read once at start too, as the platform does. */
@SpringBootApplication
@RestController
public class MinimalApplication {

	private final JdbcClient jdbc;

	MinimalApplication(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/")
	String now() {
		return jdbc.sql("select now()::text").query(String.class).single();
	}

	@Bean
	ApplicationRunner touchDatabase() {
		return args -> jdbc.sql("select 1").query(Integer.class).single();
	}

	public static void main(String[] args) {
		SpringApplication.run(MinimalApplication.class, args);
	}

}
