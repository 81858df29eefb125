package org.frameloop.store.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.VideoInfo;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.testkit.postgres.TestServer;

/**
 * A generated video (seeded, with exact ground truth) made a project on the test server by its owner, with a
 * team: the owner "olivia" (the trainer), annotators "alice" and "bob", reviewer "rita", and "mallory", who
 * may use Frameloop but is no member.
 */
final class TeamProject {

    static final String OWNER = "olivia";
    static final String ANNOTATOR = "alice";
    static final String OTHER_ANNOTATOR = "bob";
    static final String REVIEWER = "rita";
    static final String NON_MEMBER = "mallory";
    static final int FRAMES = 6;
    static final int WIDTH = 64;
    static final int HEIGHT = 48;
    static final int RECT_PX = 16;

    final TestServer server;
    final String name;
    final SyntheticVideo video;

    private TeamProject(TestServer server, String name, SyntheticVideo video) {
        this.server = server;
        this.name = name;
        this.video = video;
    }

    static TeamProject create(String test) throws Exception {
        TestServer server = TestServer.get();
        for (String person : List.of(OWNER, ANNOTATOR, OTHER_ANNOTATOR, REVIEWER, NON_MEMBER)) {
            server.person(person, true);
        }
        SyntheticVideo video = new SyntheticVideo(SyntheticVideoSpec.of(WIDTH, HEIGHT, FRAMES, 20261202L,
                SyntheticVideoSpec.Style.TARGET));
        String name = TestServer.newProjectName(test);
        ProjectAddress address = server.address(name, OWNER);
        try (PostgresProjectStore store = PostgresProjectStore.create(address, server.credentials(address),
                new VideoInfo(video.name(), "/videos/synthetic", FRAMES, WIDTH, HEIGHT), video.labelMap(),
                Map.of("plugins", Map.of("granularity", "rect"), "samplesPerRound", 8))) {
            store.members().put(ANNOTATOR, ProjectRole.ANNOTATOR);
            store.members().put(OTHER_ANNOTATOR, ProjectRole.ANNOTATOR);
            store.members().put(REVIEWER, ProjectRole.REVIEWER);
        }
        return new TeamProject(server, name, video);
    }

    /** The project name in a location typed as postgresql://HOST:PORT/DB?project=NAME&user=USER. */
    static String nameOf(String location) {
        return ProjectAddress.parse(location).project();
    }

    PostgresProjectStore open(String user) throws Exception {
        return server.open(name, user);
    }

    /** The trainer (the owner) and the two annotators, each on their own connection. */
    record Actors(PostgresProjectStore trainer, PostgresProjectStore alice, PostgresProjectStore bob)
            implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            try (trainer; alice; bob) {
                // closed in reverse order
            }
        }
    }

    Actors openTrainerAndAnnotators() throws Exception {
        return new Actors(open(OWNER), open(ANNOTATOR), open(OTHER_ANNOTATOR));
    }

    /** {@code count} rectangles of {@link #RECT_PX}, several on each frame (so labels of one frame are merged). */
    static List<Sample> rectangles(int count) {
        List<Sample> samples = new ArrayList<>();
        int perRow = WIDTH / RECT_PX;
        int perFrame = perRow * (HEIGHT / RECT_PX);
        for (int i = 0; i < count; i++) {
            int frame = i % FRAMES;
            int cell = (i / FRAMES * 5) % perFrame; // 5 and 12 share no factor: every cell once per frame
            samples.add(new Sample(frame, new Region.Rectangle(cell % perRow * RECT_PX, cell / perRow * RECT_PX, RECT_PX,
                    RECT_PX)));
        }
        return samples;
    }
}
