package org.powledger.web.cohort;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CohortDraft;

@Mapper
interface CohortMapper {

    CohortMapper INSTANCE = Mappers.getMapper(CohortMapper.class);

    @Mapping(target = "id", source = "pathId")
    CohortDraft toDraft(CohortBody body, String pathId);

    @Mapping(target = "id", source = "value.id")
    @Mapping(target = "name", source = "value.name")
    @Mapping(target = "size", source = "value.size")
    @Mapping(target = "sizeApproximate", source = "value.sizeApproximate")
    @Mapping(target = "description", source = "value.description")
    CohortView toView(Versioned<Cohort> stored);

    default String cohortId(CohortId id) {
        return id == null ? null : id.value();
    }
}
