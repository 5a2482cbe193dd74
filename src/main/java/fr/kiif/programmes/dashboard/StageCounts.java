package fr.kiif.programmes.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applications per funnel stage of a group (the call, an incubator, a territory), with its reviews.
 *
 * @param stages count per {@link FunnelStage} name, every stage present
 * @param quota  laureates allowed (incubators only, else null); {@code laureates} is what uses it
 * @param reviewsLate open review tasks past their due date in the engine
 */
public record StageCounts(String key, String label, long total, Map<String, Long> stages, long laureates, Integer quota,
        long reviewsDone, long reviewsDue, long reviewsLate) {

    static StageCounts empty(String key, String label) {
        Map<String, Long> stages = new LinkedHashMap<>();
        for (FunnelStage stage : FunnelStage.values()) {
            stages.put(stage.name(), 0L);
        }
        return new StageCounts(key, label, 0, stages, 0, null, 0, 0, 0);
    }

    public long stage(String name) {
        return stages.getOrDefault(name, 0L);
    }

    StageCounts plusApplications(FunnelStage stage, long n) {
        Map<String, Long> more = new LinkedHashMap<>(stages);
        more.merge(stage.name(), n, Long::sum);
        boolean laureate = stage == FunnelStage.SELECTED || stage == FunnelStage.IN_SUPPORT || stage == FunnelStage.SUPPORT_FINISHED;
        return new StageCounts(key, label, total + n, more, laureates + (laureate ? n : 0), quota, reviewsDone, reviewsDue, reviewsLate);
    }

    StageCounts plusReviews(long done, long due, long late) {
        return new StageCounts(key, label, total, stages, laureates, quota, reviewsDone + done, reviewsDue + due, reviewsLate + late);
    }

    StageCounts withQuota(Integer value) {
        return new StageCounts(key, label, total, stages, laureates, value, reviewsDone, reviewsDue, reviewsLate);
    }
}
