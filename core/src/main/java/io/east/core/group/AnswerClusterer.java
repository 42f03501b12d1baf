package io.east.core.group;

import io.east.core.answer.EquivalenceGroups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups the answers of one question into clusters, in order of each cluster's first sample index. */
final class AnswerClusterer {

    private AnswerClusterer() {
    }

    /** @param answers sorted by sample index */
    static List<ResponseCluster> cluster(List<SampleAnswer> answers, Clustering clustering) {
        return clustering == Clustering.EXACT ? byString(answers) : byEquivalence(answers);
    }

    private static List<ResponseCluster> byString(List<SampleAnswer> answers) {
        Map<String, List<SampleAnswer>> groups = new LinkedHashMap<>();
        for (SampleAnswer answer : answers) {
            // A null key is allowed in LinkedHashMap: responses without an answer form one cluster, as in the reference.
            groups.computeIfAbsent(answer.answer(), key -> new ArrayList<>()).add(answer);
        }
        List<ResponseCluster> clusters = new ArrayList<>(groups.size());
        groups.values().forEach(members -> clusters.add(toCluster(members)));
        return clusters;
    }

    private static List<ResponseCluster> byEquivalence(List<SampleAnswer> answers) {
        List<List<SampleAnswer>> groups = new ArrayList<>();
        for (List<Integer> group : EquivalenceGroups.of(answers.stream().map(SampleAnswer::answer).toList())) {
            groups.add(group.stream().map(answers::get).toList());
        }
        List<SampleAnswer> noAnswer = answers.stream()
                .filter(answer -> answer.answer() == null || answer.answer().isBlank()).toList();
        if (!noAnswer.isEmpty()) {
            groups.add(noAnswer);
        }
        List<ResponseCluster> clusters = new ArrayList<>(groups.size());
        groups.forEach(members -> clusters.add(toCluster(members)));
        clusters.sort(Comparator.comparingInt(cluster -> cluster.members().get(0)));
        return clusters;
    }

    private static ResponseCluster toCluster(List<SampleAnswer> members) {
        SampleAnswer first = members.get(0);
        List<Integer> indexes = members.stream().map(SampleAnswer::sampleIndex).toList();
        return new ResponseCluster(first.answer(), indexes, first.correct());
    }
}
