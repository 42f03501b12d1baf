# One image for every east subcommand: `docker run --rm east:latest streams --help`. docker-compose.yml runs one
# container per stage from it. Built with `docker build -t east:latest .` or `docker-compose build`; it uses no
# BuildKit-only instruction, so the classic builder of docker-compose 1.29 builds it too.

# Build: the thin jar cli/target/east.jar and its dependencies in cli/target/lib, as `./east` builds them.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl cli -am package -DskipTests

# Run: a JRE, the jar and its lib/, an `east` command, a user without root rights.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/east east \
    && mkdir -p /data/checkpoints /data/state \
    && chown -R east:east /data
COPY --from=build /src/cli/target/lib/ /app/lib/
COPY --from=build /src/cli/target/east.jar /app/east.jar
COPY docker/east docker/east-healthcheck /usr/local/bin/
RUN chmod 755 /usr/local/bin/east /usr/local/bin/east-healthcheck
# OMP_WAIT_POLICY=PASSIVE keeps libtorch's idle threads from spinning on cores other containers need.
ENV OMP_WAIT_POLICY=PASSIVE \
    EAST_BOOTSTRAP=kafka:9092 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
USER east
WORKDIR /data
# Named volumes mounted here take the ownership above, so the east user can write them.
VOLUME ["/data/checkpoints", "/data/state"]
ENTRYPOINT ["east"]
CMD ["--help"]
