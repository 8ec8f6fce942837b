package org.powledger.web.unit;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.UnitDraft;

@Mapper
interface UnitMapper {

    UnitMapper INSTANCE = Mappers.getMapper(UnitMapper.class);

    @Mapping(target = "id", source = "pathId")
    UnitDraft toDraft(UnitBody body, String pathId);

    @Mapping(target = "id", source = "value.id")
    @Mapping(target = "name", source = "value.name")
    @Mapping(target = "parent", source = "value.parent")
    UnitView toView(Versioned<Unit> stored);

    default String unitId(UnitId id) {
        return id == null ? null : id.value();
    }
}
